package org.tanchang.grid.petition.bundle;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.petition.catalogue.FormField;

/**
 * A "one thing" bundle (一件事): one form whose answers are mapped onto the fields of each item, so nothing is asked
 * twice. In {@code fieldMap} an item field takes the bundle field named, or a fixed text written {@code =text}.
 */
@Schema(name = "ServiceBundle", description = "A \"one thing\" bundle: several catalogue items behind one form")
record BundleDefinition(@Schema(example = "ONE-CHILD-BIRTH") String code, @Schema(example = "出生一件事") String nameZh,
        String nameEn, List<FormField> formFields, List<BundleItem> items) {

    @Schema(name = "ServiceBundleItem", description = "An item of the bundle and where its fields come from")
    record BundleItem(@Schema(example = "HR-BIRTH") String itemCode,
            @Schema(description = "item field → bundle field (or =fixed text)") Map<String, String> fieldMap) {
    }

    /** The answers for one item, taken from the bundle form's answers. */
    static Map<String, String> fieldsFor(BundleItem item, Map<String, String> answers) {
        Map<String, String> fields = new LinkedHashMap<>();
        item.fieldMap().forEach((itemField, source) -> {
            String value = source.startsWith("=") ? source.substring(1) : answers.get(source);
            if (value != null && !value.isBlank()) {
                fields.put(itemField, value);
            }
        });
        return fields;
    }
}
