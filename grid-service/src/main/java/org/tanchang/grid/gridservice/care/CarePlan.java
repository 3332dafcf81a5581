package org.tanchang.grid.gridservice.care;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.gridservice.household.CareTag;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.workflow.Deadline;

/**
 * A member (or officer) paired with a household needing care (结对关爱), visiting it every {@code frequencyDays}. The
 * running {@link Deadline} is the next visit; a missed one is counted, announced and followed by the next period, so
 * a plan nobody visits is flagged once per period. Written through the kernel's versioned writes (one write with its
 * events). Holds the household's id and tags only, never its residents' data.
 */
@Document("care_plans")
class CarePlan implements OutboxOwner {

    enum State { ACTIVE, ENDED }

    @Id
    String id;
    @Indexed
    String gridCode;
    @Indexed
    String householdId;
    Set<CareTag> careTags;
    @Indexed
    String memberId;
    int frequencyDays;
    /** Set by whoever wrote the plan rather than taken from the tags' defaults. */
    boolean frequencyOverridden;
    State state;
    /** The next visit; null once ended. */
    Deadline deadline;
    Instant lastVisitAt;
    /** The first missed due time not yet followed by a visit; null while the plan is kept up. */
    Instant overdueSince;
    int missedVisits;
    String createdBy;
    Instant createdAt;
    String updatedBy;
    Instant updatedAt;
    String endedBy;
    Instant endedAt;
    String endReason;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
