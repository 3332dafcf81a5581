package org.tanchang.grid.gridservice.roster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.grid.RosterRole;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/**
 * Somebody holds a post of the responsibility roster for an area (county, township, village or grid: the three
 * levels of responsibility) from one day to another. Never deleted: the history answers "who was responsible on that
 * day". Days are ISO dates stored as text, which compare correctly as strings on every MongoDB.
 */
@Document("roster_assignments")
class RosterAssignment {

    @Id
    String id;
    @Indexed
    String areaCode;
    RosterRole role;
    String personId;
    String personName;
    String validFrom;
    /** Null while still in post. */
    String validTo;
    long version;
    String changedBy;
    Instant changedAt;
    List<OutboxEvent> outbox = new ArrayList<>();
}
