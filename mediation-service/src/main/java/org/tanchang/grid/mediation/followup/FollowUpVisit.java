package org.tanchang.grid.mediation.followup;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;

/** A follow-up visit (回访) to the parties of a dispute. Written with its events in the outbox. */
@Document("follow_up_visits")
@CompoundIndex(name = "status_due", def = "{'status': 1, 'dueOn': 1}")
@CompoundIndex(name = "dispute", def = "{'disputeId': 1}")
@CompoundIndex(name = "grid_due", def = "{'gridCode': 1, 'dueOn': 1}")   // every list is limited to the caller's grids
@CompoundIndex(name = "other_grids", def = "{'otherGridCodes': 1}")
class FollowUpVisit implements OutboxOwner {

    @Id
    String id;
    String disputeId;
    /** The dispute's grid, copied when the visit is scheduled: who may see the visit is decided by it. */
    String gridCode;
    /** The other grids the dispute spans, kept in step with it: their people see the visit too. */
    List<String> otherGridCodes = new ArrayList<>();
    String patrolReportId;
    /** A county calendar day; the platform stores days as ISO text so they do not depend on the JVM's zone. */
    LocalDate dueOn;
    FollowUpVisitStatus status;
    /** Null when the event named no responsible officer: the visit still has to happen and waits for one. */
    Assignee assignee;
    Instant createdAt;
    /** Why the visit was scheduled: after a patrol finding, after an agreement, or again after a bad one. */
    String reason;
    /** The party the mediator asked to be visited, when the visit was scheduled by hand for one; else null. */
    String partyToVisit;
    /** Set once FollowUpVisitOverdue was raised, so the sweep raises it once. */
    Instant overdueRaisedAt;
    /** The outcome, once made. The party is named as the visitor wrote it, to match the dispute's party names. */
    LocalDate visitedOn;
    String partyName;
    Boolean satisfied;
    Boolean hazardRemains;
    String notes;
    String visitorId;
    String visitorName;
    Instant completedAt;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
