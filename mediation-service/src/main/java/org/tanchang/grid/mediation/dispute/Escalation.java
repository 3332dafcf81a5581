package org.tanchang.grid.mediation.dispute;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.mediation.DisputeAssigned;
import org.tanchang.grid.contracts.mediation.DisputeEscalated;
import org.tanchang.grid.mediation.MediationProperties;
import org.tanchang.grid.mediation.roster.MediatorRoster;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * "Small matters stay in the grid, big matters stay in the township": a dispute goes up a level at once when its
 * risk is high, or when it stays unresolved at a level longer than configured. Each level's mediators come from the
 * local roster copy. The change rides in the dispute's own write, with DisputeEscalated in its outbox.
 */
@Component
class Escalation {

    static final String ACTOR = "mediation-service";
    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    private final MongoOperations mongo;
    private final VersionedWrites writes;
    private final MediatorRoster roster;
    private final Outbox outbox;
    private final MediationProperties.Escalation rules;
    private final Clock clock;

    Escalation(MongoOperations mongo, VersionedWrites writes, MediatorRoster roster, Outbox outbox,
            MediationProperties properties, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.roster = roster;
        this.outbox = outbox;
        this.rules = properties.escalation();
        this.clock = clock;
    }

    /**
     * At the immediate risk a grid-level dispute goes to the township now; otherwise it takes its level's mediators,
     * who are told by DisputeAssigned in the same write (escalation tells the next level's by DisputeEscalated).
     */
    void byRisk(Dispute dispute, Instant now, String reason) {
        if (dispute.riskLevel.compareTo(rules.immediateRisk()) >= 0 && dispute.level == MediationLevel.GRID) {
            raise(dispute, MediationLevel.TOWNSHIP, reason, now);
        } else if (dispute.mediatorIds.isEmpty()) {
            dispute.mediatorIds = roster.mediatorsOf(dispute.level.areaOf(dispute.gridCode), day(now));
            if (!dispute.mediatorIds.isEmpty()) {
                dispute.outbox.add(outbox.event(DisputeAssigned.TYPE, dispute.id, new DisputeAssigned(dispute.id,
                        dispute.gridCode, dispute.level.name(), dispute.type.name(), dispute.riskLevel.name(),
                        List.copyOf(dispute.mediatorIds), Times.local(now))));
            }
        }
    }

    private void raise(Dispute dispute, MediationLevel to, String reason, Instant now) {
        MediationLevel from = dispute.level;
        dispute.level = to;
        dispute.levelSince = now;
        dispute.mediatorIds = roster.mediatorsOf(to.areaOf(dispute.gridCode), day(now));
        dispute.timeline.add(new Parts.TimelineEntry("escalate", dispute.state, dispute.state, ACTOR, null, now,
                from + " → " + to + ": " + reason));
        dispute.outbox.add(outbox.event(DisputeEscalated.TYPE, dispute.id, new DisputeEscalated(dispute.id,
                dispute.gridCode, from.name(), to.name(), FreeText.scrub(reason), dispute.mediatorIds,
                Times.local(now))));
        log.info("Dispute {} escalated {} → {} ({})", dispute.id, from, to, reason);
    }

    @Scheduled(fixedDelayString = "${tanchang.mediation.sweep-interval}",
            initialDelayString = "${tanchang.mediation.sweep-interval}")
    void sweep() {
        sweep(clock);
    }

    /**
     * Escalates every unresolved dispute that stayed at its level longer than allowed, as of the given clock. Each
     * is one versioned write, so two sweeps never escalate a dispute twice. Returns how many went up.
     */
    int sweep(Clock at) {
        Instant now = at.instant();
        int raised = 0;
        for (Map.Entry<MediationLevel, Duration> rule : rules.after().entrySet()) {
            MediationLevel up = rule.getKey().up();
            if (up == null) {
                continue;
            }
            Query stale = Query.query(Criteria.where("state").in(DisputeWorkflow.UNRESOLVED)
                    .and("level").is(rule.getKey()).and("levelSince").lte(now.minus(rule.getValue()))).limit(500);
            for (Dispute dispute : mongo.find(stale, Dispute.class)) {
                VersionedWrites.Snapshot read = writes.read(dispute);
                raise(dispute, up, "unresolved for " + rule.getValue() + " at " + rule.getKey(), now);
                if (writes.tryWrite(dispute, read)) {
                    raised++;
                } else {
                    log.debug("Dispute {} changed while sweeping; the next sweep looks again", dispute.id);
                }
            }
        }
        return raised;
    }

    private static LocalDate day(Instant now) {
        return LocalDate.ofInstant(now, Times.COUNTY_ZONE);
    }
}
