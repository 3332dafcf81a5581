package org.tanchang.grid.gridservice.household;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/** A household as the API shows it: personal data masked unless revealed. */
record HouseholdView(String id, String gridCode, String unitCode,
        @Schema(example = "理川镇杨家村一组**号") String address, Set<CareTag> careTags, List<ResidentView> residents) {

    record ResidentView(String name, String relation, @Schema(example = "110105********0021") String idNumber,
            @Schema(example = "138****8000") String mobile, Set<CareTag> careTags) {
    }

    /** {@code show} turns a stored value and its encryption context into what the caller may see. */
    static HouseholdView of(Household h, BiFunction<String, ProtectedValue, String> show) {
        return new HouseholdView(h.id, h.gridCode, h.unitCode, show.apply(Households.ADDRESS, h.address), h.careTags,
                h.residents.stream().map(r -> new ResidentView(r.name(), r.relation(),
                        show.apply(Households.ID_NUMBER, r.idNumber()), show.apply(Households.MOBILE, r.mobile()),
                        r.careTags())).toList());
    }

    static HouseholdView masked(Household h) {
        return of(h, (context, value) -> value == null ? null : value.masked());
    }
}
