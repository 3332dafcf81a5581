package org.tanchang.grid.gridservice.warning;

import static org.tanchang.grid.gridservice.warning.RiskWarning.State.ACKNOWLEDGED;
import static org.tanchang.grid.gridservice.warning.RiskWarning.State.CLOSED;
import static org.tanchang.grid.gridservice.warning.RiskWarning.State.HANDLED;
import static org.tanchang.grid.gridservice.warning.RiskWarning.State.RAISED;

import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.grid.RiskWarningStateChanged;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A warning's handling (预警研判 → 处置): the area's supervisors (or its officers) take note of it, say what was done,
 * and a supervisor closes it. Closing is the supervisor's, who answers for the area's judgement of the risk.
 */
@Component
class RiskWarningWorkflow implements Procedure<RiskWarning, RiskWarning.State> {

    static final Workflow<RiskWarning.State> TABLE = Workflow.of("risk-warning", RiskWarning.State.class)
            .on("acknowledge").from(RAISED).to(ACKNOWLEDGED).by(Roles.SUPERVISOR, Roles.OFFICER)
            .on("handle").from(ACKNOWLEDGED).to(HANDLED).by(Roles.SUPERVISOR, Roles.OFFICER)
            .on("close").from(HANDLED).to(CLOSED).by(Roles.SUPERVISOR)
            .build();

    private final Outbox outbox;

    RiskWarningWorkflow(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Workflow<RiskWarning.State> workflow() {
        return TABLE;
    }

    @Override
    public RiskWarning.State state(RiskWarning warning) {
        return warning.state;
    }

    @Override
    public void enter(RiskWarning warning, Step<RiskWarning.State> step) {
        warning.state = step.to();
        warning.open = step.to() != CLOSED;
        warning.timeline.add(new RiskWarning.Entry(step.action(), step.from(), step.to(), step.caller().subject(),
                step.caller().name(), step.at(), step.remark()));
    }

    @Override
    public OutboxEvent announce(RiskWarning w, Step<RiskWarning.State> step) {
        return outbox.event(RiskWarningStateChanged.TYPE, w.id, new RiskWarningStateChanged(w.id, w.ruleId,
                w.areaCode, w.gridCode, step.from().name(), step.to().name(), step.action(), step.caller().subject(),
                Times.local(step.at())));
    }
}
