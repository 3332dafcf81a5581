package org.tanchang.grid.gridservice.roster;

import java.time.LocalDate;
import org.tanchang.grid.contracts.grid.RosterRole;

/** An assignment as the API shows it. */
record RosterView(String id, String areaCode, RosterRole role, String personId, String personName,
        LocalDate validFrom, LocalDate validTo, long version) {

    static RosterView of(RosterAssignment a) {
        return new RosterView(a.id, a.areaCode, a.role, a.personId, a.personName, LocalDate.parse(a.validFrom),
                a.validTo == null ? null : LocalDate.parse(a.validTo), a.version);
    }
}
