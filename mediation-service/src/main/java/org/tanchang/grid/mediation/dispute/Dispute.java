package org.tanchang.grid.mediation.dispute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/** A dispute between residents taken up for mediation (矛盾纠纷). Written with its events in the outbox. */
@Document("disputes")
@CompoundIndex(name = "grid_opened", def = "{'gridCode': 1, 'openedAt': -1}")
@CompoundIndex(name = "source_reference", def = "{'sourceReference': 1}")
class Dispute {

    @Id
    String id;
    String gridCode;
    DisputeSource source;
    String sourceReference;
    /** The finding's index in its patrol report; null for disputes from other sources. */
    Integer patrolFindingIndex;
    String description;
    GeoPoint location;
    DisputeState state;
    Instant openedAt;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();
}
