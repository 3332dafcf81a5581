package org.tanchang.grid.gridservice.member;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A member as the API shows it: the mobile number masked unless revealed. */
record MemberView(String id, String name, Force force, List<Duty> duties, List<String> gridCodes, boolean active,
        @Schema(example = "138****8000") String mobile, long version) {

    static MemberView of(Member m, String mobile) {
        return new MemberView(m.id, m.name, m.force, m.duties, m.gridCodes, m.active, mobile, m.version);
    }

    static MemberView masked(Member m) {
        return of(m, m.mobile == null ? null : m.mobile.masked());
    }
}
