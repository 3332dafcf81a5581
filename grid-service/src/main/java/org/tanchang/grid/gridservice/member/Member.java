package org.tanchang.grid.gridservice.member;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/** A grid member (网格员 or one of the forces), keyed by their user name so events reach them when they sign in. */
@Document("members")
class Member {

    @Id
    String id;
    String name;
    Force force;
    List<Duty> duties = new ArrayList<>();
    /** Every read is limited to members with a grid in the caller's areas. */
    @Indexed
    List<String> gridCodes = new ArrayList<>();
    boolean active = true;
    /** Mobile number, encrypted; searchable by its hash. */
    ProtectedValue mobile;
    long version;
    Instant changedAt;
    List<OutboxEvent> outbox = new ArrayList<>();
}
