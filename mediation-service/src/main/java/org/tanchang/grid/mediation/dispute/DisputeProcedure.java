package org.tanchang.grid.mediation.dispute;

import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.mediation.DisputeStateChanged;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * What every step of a dispute leaves behind: the state entered with its time limit ({@link Deadlines}), the
 * timeline entry naming who did it, and DisputeStateChanged when the state changed (a session held is in the timeline
 * and announced by its own event only).
 */
@Component
class DisputeProcedure implements Procedure<Dispute, DisputeState> {

    private final Deadlines deadlines;
    private final Outbox outbox;

    DisputeProcedure(Deadlines deadlines, Outbox outbox) {
        this.deadlines = deadlines;
        this.outbox = outbox;
    }

    @Override
    public Workflow<DisputeState> workflow() {
        return DisputeWorkflow.TABLE;
    }

    @Override
    public DisputeState state(Dispute dispute) {
        return dispute.state;
    }

    @Override
    public void enter(Dispute d, Step<DisputeState> step) {
        d.state = step.to();
        d.deadline = deadlines.entering(step, d.deadline);
        d.timeline.add(new Parts.TimelineEntry(step.action(), step.from(), step.to(), step.caller().subject(),
                step.caller().name(), step.at(), step.remark()));
    }

    @Override
    public OutboxEvent announce(Dispute d, Step<DisputeState> step) {
        if (!step.changesState()) {
            return null;
        }
        return outbox.event(DisputeStateChanged.TYPE, d.id, new DisputeStateChanged(d.id, d.gridCode, d.type.name(),
                step.from().name(), step.to().name(), d.level.name(), step.caller().subject(), Times.local(step.at()),
                FreeText.scrub(step.remark())));
    }
}
