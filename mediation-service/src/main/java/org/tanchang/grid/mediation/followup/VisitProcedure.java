package org.tanchang.grid.mediation.followup;

import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A visit's step leaves only its new status: a visit keeps no timeline or time limit of its own (its due day is
 * {@link FollowUpVisit#dueOn}), and its one step announces itself by FollowUpVisitCompleted, the step's own event.
 */
@Component
class VisitProcedure implements Procedure<FollowUpVisit, FollowUpVisitStatus> {

    @Override
    public Workflow<FollowUpVisitStatus> workflow() {
        return FollowUpVisitWorkflow.TABLE;
    }

    @Override
    public FollowUpVisitStatus state(FollowUpVisit visit) {
        return visit.status;
    }

    @Override
    public void enter(FollowUpVisit visit, Step<FollowUpVisitStatus> step) {
        visit.status = step.to();
    }

    @Override
    public OutboxEvent announce(FollowUpVisit visit, Step<FollowUpVisitStatus> step) {
        return null;
    }
}
