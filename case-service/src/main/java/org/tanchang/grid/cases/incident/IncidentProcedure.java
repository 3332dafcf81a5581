package org.tanchang.grid.cases.incident;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * What every incident step leaves besides its own effect: the new state, the time limit of the step it starts (by
 * type, urgency and state, on the work calendar, so 3WD started on the Friday before a holiday runs past the
 * holiday), the timeline entry, and IncidentStateChanged.
 */
@Component
class IncidentProcedure implements Procedure<Incident, IncidentState> {

    private final TimeLimits limits;
    private final WorkCalendar calendar;
    private final Outbox outbox;

    IncidentProcedure(TimeLimits limits, WorkCalendar calendar, Outbox outbox) {
        this.limits = limits;
        this.calendar = calendar;
        this.outbox = outbox;
    }

    @Override
    public Workflow<IncidentState> workflow() {
        return IncidentWorkflow.TABLE;
    }

    @Override
    public IncidentState state(Incident incident) {
        return incident.state;
    }

    @Override
    public void enter(Incident incident, Step<IncidentState> step) {
        incident.state = step.to();
        if (step.changesState()) {   // a commendation of a closed case starts no step and keeps its times
            startClock(incident, step.at());
        }
        incident.timeline.add(new Incident.TimelineEntry(step.to(), step.caller().subject(), step.at(), step.remark(),
                step.action(), step.caller().name()));
    }

    @Override
    public OutboxEvent announce(Incident incident, Step<IncidentState> step) {
        if (!step.changesState()) {
            return null;   // a step that keeps the state is announced by its own event
        }
        return outbox.event(IncidentStateChanged.TYPE, incident.id, new IncidentStateChanged(incident.id,
                incident.caseNumber, incident.gridCode, incident.townshipCode, incident.type.name(),
                step.from().name(), step.to().name(), step.caller().subject(), step.caller().name(),
                Times.local(step.at()), FreeText.scrub(step.remark()), incident.officerId, incident.reporterId));
    }

    /**
     * Starts the time limit of the incident's current state at {@code now}: due on the work calendar, yellow at 70%,
     * no flag yet, so each step's flags are raised and published once. A state listed nowhere has none.
     */
    void startClock(Incident incident, Instant now) {
        incident.stepStartedAt = now;
        incident.flag = null;
        TimeLimit limit = incident.isOpen() ? limits.of(incident.type, incident.urgency, incident.state).orElse(null)
                : null;
        incident.dueAt = limit == null ? null : limit.dueFrom(now, calendar);
        incident.yellowAt = limit == null ? null : TimeLimit.yellowAt(now, incident.dueAt);
    }
}
