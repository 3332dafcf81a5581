package org.tanchang.grid.notification.recipient;

import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.grid.RosterRole;

/** Who holds which post for which area, from when to when: the local copy of grid-service's roster. */
@Document("roster")
class RosterPost {

    @Id
    String id;
    String areaCode;
    RosterRole role;
    String personId;
    String personName;
    LocalDate validFrom;
    /** Null while still in post. */
    LocalDate validTo;
    long version;
}
