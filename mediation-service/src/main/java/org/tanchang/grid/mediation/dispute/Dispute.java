package org.tanchang.grid.mediation.dispute;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.commendation.Commendable;
import org.tanchang.grid.platform.commendation.Commendation;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.workflow.Deadline;

/**
 * A dispute between residents taken up for mediation (矛盾纠纷). Written with its events in the outbox, each change
 * as one update conditional on the version it was read at (the platform's versioned writes).
 */
@Document("disputes")
@CompoundIndex(name = "grid_opened", def = "{'gridCode': 1, 'openedAt': -1}")
@CompoundIndex(name = "other_grids", def = "{'otherGridCodes': 1}")   // area scope on any of its grids
@CompoundIndex(name = "source_reference", def = "{'sourceReference': 1}")
@CompoundIndex(name = "state_level", def = "{'state': 1, 'level': 1, 'levelSince': 1}")   // the escalation sweep
@CompoundIndex(name = "deadline_raised", def = "{'deadline.raised': 1}")   // the overdue gauge (DisputeGauges)
class Dispute implements OutboxOwner, Commendable {

    @Id
    String id;
    String gridCode;
    /**
     * The other grids the dispute spans (the cattle of 拉沙村 in 杨家村's fields): from the parties' home grids or
     * added by a mediator. Everyone responsible for any of them sees the dispute; events and statistics stay with
     * {@link #gridCode}.
     */
    List<String> otherGridCodes = new ArrayList<>();
    DisputeType type;
    DisputeSource source;
    String sourceReference;
    /** The finding's index in its patrol report; null for disputes from other sources. */
    Integer patrolFindingIndex;
    String description;
    GeoPoint location;
    RiskLevel riskLevel;
    MediationLevel level;
    /** Since when the dispute is at its level: escalation by time counts from here. */
    Instant levelSince;
    /** The mediators of the current level, from the roster when the level was reached. */
    List<String> mediatorIds = new ArrayList<>();
    List<Parts.Party> parties = new ArrayList<>();
    List<Parts.Session> sessions = new ArrayList<>();
    Parts.Agreement agreement;
    String declineReason;
    Parts.Termination termination;
    Parts.Confirmation confirmation;
    /** Parties not to be visited, each with the recorded reason (三个不放: asked, or why not). */
    List<Parts.VisitExcuse> visitExcuses = new ArrayList<>();
    /** Supervision (督办) by supervisors, oldest first. */
    List<Parts.Supervision> supervisions = new ArrayList<>();
    /** The running time limit; null in states that have none. */
    Deadline deadline;
    DisputeState state;
    Instant openedAt;
    String openedBy;
    List<Parts.TimelineEntry> timeline = new ArrayList<>();
    /** Thanks from the parties (锦旗, 感谢信), oldest first. */
    List<Commendation> commendations = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    @Override
    public List<Commendation> commendations() {
        return commendations;
    }

    /** The dispute's mediators and everyone with a step on its timeline. */
    @Override
    public Set<String> handlers() {
        Set<String> handlers = new HashSet<>(mediatorIds);
        timeline.stream().map(Parts.TimelineEntry::actorId).forEach(handlers::add);
        return handlers;
    }
}
