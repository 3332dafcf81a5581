package org.tanchang.grid.cases.hazard;

import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.hazard.HazardStateChanged;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * What every hazard step leaves: the state entered with the limit its row starts (none when the row names none: the
 * hazard is closed or dismissed), the timeline entry, and HazardStateChanged for a move. A step that keeps the state
 * (escalate) is announced by its own event.
 */
@Component
class HazardProcedure implements Procedure<Hazard, HazardState> {

    private final HazardDeadlines deadlines;
    private final Outbox outbox;

    HazardProcedure(HazardDeadlines deadlines, Outbox outbox) {
        this.deadlines = deadlines;
        this.outbox = outbox;
    }

    @Override
    public Workflow<HazardState> workflow() {
        return HazardWorkflow.TABLE;
    }

    @Override
    public HazardState state(Hazard hazard) {
        return hazard.state;
    }

    @Override
    public void enter(Hazard hazard, Step<HazardState> step) {
        hazard.state = step.to();
        if (step.changesState()) {
            String limit = HazardWorkflow.TABLE.action(step.action()).limit();
            hazard.deadline = limit == null ? null : deadlines.start(limit, hazard, step.at());
        }
        hazard.timeline.add(new Hazard.TimelineEntry(step.action(), step.to(), hazard.level, step.caller().subject(),
                step.caller().name(), step.at(), step.remark()));
    }

    @Override
    public OutboxEvent announce(Hazard hazard, Step<HazardState> step) {
        if (!step.changesState()) {
            return null;
        }
        return outbox.event(HazardStateChanged.TYPE, hazard.id, new HazardStateChanged(hazard.id, hazard.gridCode,
                hazard.kind.name(), hazard.riskLevel.name(), hazard.level.name(), step.from().name(),
                step.to().name(), step.action(), step.caller().subject(), hazard.officerId, hazard.memberId,
                Times.local(step.at()), FreeText.scrub(step.remark())));
    }
}
