package org.tanchang.grid.cases.hazard;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.hazard.HazardEscalated;
import org.tanchang.grid.contracts.hazard.HazardOpened;
import org.tanchang.grid.contracts.hazard.HazardOverdue;
import org.tanchang.grid.contracts.hazard.HazardRectificationOrdered;
import org.tanchang.grid.contracts.hazard.HazardReinspected;
import org.tanchang.grid.contracts.hazard.HazardReopened;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.time.Times;

/**
 * Puts a hazard's events into its outbox, each with the codes every consumer keys on (grid, kind, risk, level) and
 * ids only: the description, the measures and the responsible party never leave case-service.
 */
@Component
class HazardEvents {

    private final Outbox outbox;

    HazardEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void opened(Hazard h) {
        add(h, outbox.event(HazardOpened.TYPE, h.id, new HazardOpened(h.id, h.gridCode, h.kind.name(),
                h.riskLevel.name(), h.level.name(), h.source.name(), h.sourceReference, h.officerId, h.memberId,
                Times.local(h.createdAt), Times.local(h.reportedAt))));
    }

    void ordered(Hazard h, Instant dueAt, Instant at) {
        add(h, outbox.event(HazardRectificationOrdered.TYPE, h.id, new HazardRectificationOrdered(h.id, h.gridCode,
                h.kind.name(), h.riskLevel.name(), h.level.name(), Times.local(dueAt), h.officerId, h.memberId,
                Times.local(at))));
    }

    void reinspected(Hazard h, boolean removed, String inspector, Instant at) {
        add(h, outbox.event(HazardReinspected.TYPE, h.id, new HazardReinspected(h.id, h.gridCode, h.kind.name(),
                h.riskLevel.name(), h.level.name(), removed, h.reopenCount, inspector, h.officerId, h.memberId,
                Times.local(at))));
    }

    void reopened(Hazard h, Instant dueAt, Instant at) {
        add(h, outbox.event(HazardReopened.TYPE, h.id, new HazardReopened(h.id, h.gridCode, h.kind.name(),
                h.riskLevel.name(), h.level.name(), h.reopenCount, Times.local(dueAt), h.officerId, h.memberId,
                Times.local(at))));
    }

    void overdue(Hazard h) {
        add(h, outbox.event(HazardOverdue.TYPE, h.id, new HazardOverdue(h.id, h.gridCode, h.kind.name(),
                h.riskLevel.name(), h.level.name(), h.state.name(), h.deadline.step(),
                Times.local(h.deadline.dueAt()), h.officerId, h.memberId, h.levelArea())));
    }

    void escalated(Hazard h, HazardLevel from, String reason, Instant at) {
        add(h, outbox.event(HazardEscalated.TYPE, h.id, new HazardEscalated(h.id, h.gridCode, h.kind.name(),
                h.riskLevel.name(), from.name(), h.level.name(), reason, h.officerId, h.memberId, h.levelArea(),
                Times.local(at))));
    }

    private static void add(Hazard h, OutboxEvent event) {
        h.outbox.add(event);
    }
}
