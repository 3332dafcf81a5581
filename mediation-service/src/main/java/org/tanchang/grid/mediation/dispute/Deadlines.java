package org.tanchang.grid.mediation.dispute;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tanchang.grid.mediation.MediationProperties;
import org.tanchang.grid.platform.workflow.Deadline;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.time.WorkCalendar;

/** The time limits of the steps, from configuration, counted on the county's work calendar. */
@Component
class Deadlines {

    /** The limit of an application not yet accepted or declined; started when the dispute is opened. */
    static final String ACCEPTANCE = "acceptance";
    /** The limit of mediation; started by the steps that enter MEDIATING ({@link DisputeWorkflow}). */
    static final String MEDIATION = "mediation";

    private final MediationProperties.TimeLimits limits;
    private final WorkCalendar calendar;

    Deadlines(MediationProperties properties, WorkCalendar calendar) {
        this.limits = properties.timeLimits();
        this.calendar = calendar;
    }

    Deadline acceptance(Instant start) {
        return Deadline.start(ACCEPTANCE, limits.acceptanceLimit(), start, calendar);
    }

    Deadline mediation(Instant start) {
        return Deadline.start(MEDIATION, limits.mediationLimit(), start, calendar);
    }

    /**
     * The deadline after {@code step}: a step that keeps the state keeps the running one; a move starts the limit its
     * row names in the table, and without one no limit runs (the conflict is settled or mediation ended).
     */
    Deadline entering(Step<DisputeState> step, Deadline running) {
        if (!step.changesState()) {
            return running;
        }
        String limit = DisputeWorkflow.TABLE.action(step.action()).limit();
        if (limit == null) {
            return null;
        }
        return switch (limit) {
            case ACCEPTANCE -> acceptance(step.at());
            case MEDIATION -> mediation(step.at());
            default -> throw new IllegalStateException("no time limit is configured as '" + limit + "'");
        };
    }

    MediationProperties.TimeLimits limits() {
        return limits;
    }
}
