package org.tanchang.grid.petition.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

@Schema(name = "ServiceItem", description = "A service a citizen can request at the one-window service centre")
record ServiceItemView(
        @Schema(description = "Stable code", example = "HR-TRANSFER") String code,
        @Schema(description = "Name in Chinese", example = "户口迁移") String nameZh,
        @Schema(description = "Name in English", example = "Household registration transfer") String nameEn,
        @Schema(example = "HOUSEHOLD_REGISTRATION") ServiceCategory category,
        @Schema(description = "What the citizen brings", example = "[\"居民户口簿\", \"居民身份证\"]")
        List<String> requiredMaterials,
        @Schema(description = "Who handles it", example = "宕昌县公安局各派出所户籍窗口") String responsibleUnit,
        @Schema(description = "Finished while the citizen waits (即办件)", example = "false") boolean instant,
        @Schema(description = "How soon the window answers: ISO-8601 duration", example = "PT30S")
        String firstResponseLimit,
        @Schema(description = "Promised time limit for completion (承诺时限): an ISO-8601 duration (PT5M) or "
                + "working days (15WD)", example = "5WD")
        String promisedTimeLimit,
        @Schema(description = "Fields of the application form") List<FormField> formFields,
        @Schema(description = "Can be applied for online (网上可办)", example = "true") boolean online,
        @Schema(description = "Offered at the window now", example = "true") boolean active) {

    static ServiceItemView of(ServiceItem item) {
        return new ServiceItemView(item.code, item.nameZh, item.nameEn, item.category,
                List.copyOf(item.requiredMaterials), item.responsibleUnit, item.instant, item.firstResponseLimit,
                item.promisedTimeLimit, List.copyOf(item.formFields), item.online, item.active);
    }
}
