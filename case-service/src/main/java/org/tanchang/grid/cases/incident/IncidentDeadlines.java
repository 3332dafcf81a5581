package org.tanchang.grid.cases.incident;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.incident.CaseDeadlineApproaching;
import org.tanchang.grid.contracts.incident.CaseOverdue;
import org.tanchang.grid.contracts.incident.IncidentSupervised;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.DeadlineTrack;

/**
 * The time limit of an incident's current step, for the platform's deadline sweep: YELLOW announces
 * CaseDeadlineApproaching, RED announces CaseOverdue and, when configured, puts the incident under supervision
 * (督办) by "system", told by IncidentSupervised. The track is named {@code deadline}, so its indexes keep the names
 * {@code deadline_yellow} and {@code deadline_due} they had when case-service swept them itself.
 */
@Configuration(proxyBeanMethods = false)
class IncidentDeadlines {

    /** Timeline and supervision actor of automatic steps. */
    static final String SYSTEM = "system";

    private final Outbox outbox;
    private final CaseProperties properties;

    IncidentDeadlines(Outbox outbox, CaseProperties properties) {
        this.outbox = outbox;
        this.properties = properties;
    }

    @Bean
    DeadlineTrack<Incident> incidentStepDeadline() {
        return new DeadlineTrack<>("deadline", Incident.class, "yellowAt", "dueAt", "flag", this::raise);
    }

    void raise(Incident incident, DeadlineFlag flag, Instant now) {
        incident.flag = flag;
        if (flag != DeadlineFlag.RED) {
            incident.outbox.add(outbox.event(CaseDeadlineApproaching.TYPE, incident.id, new CaseDeadlineApproaching(
                    incident.id, incident.caseNumber, incident.gridCode, incident.state.name(),
                    Times.local(incident.dueAt), incident.officerId, incident.townshipCode)));
            return;
        }
        incident.outbox.add(outbox.event(CaseOverdue.TYPE, incident.id, new CaseOverdue(incident.id,
                incident.caseNumber, incident.gridCode, incident.state.name(), Times.local(incident.dueAt),
                incident.officerId, incident.townshipCode)));
        if (properties.superviseWhenOverdue() && !incident.supervised) {
            String reason = "督办: step " + incident.state + " overdue since " + Times.local(incident.dueAt);
            incident.supervised = true;
            incident.supervisions.add(new Incident.Supervision(SYSTEM, SYSTEM, now, reason, true, null));
            incident.timeline.add(new Incident.TimelineEntry(incident.state, SYSTEM, now, reason, "supervise",
                    SYSTEM));
            incident.outbox.add(outbox.event(IncidentSupervised.TYPE, incident.id, new IncidentSupervised(
                    incident.id, incident.caseNumber, incident.gridCode, incident.state.name(), incident.officerId,
                    incident.townshipCode, SYSTEM, SYSTEM, reason, null, true, Times.local(now))));
        }
    }
}
