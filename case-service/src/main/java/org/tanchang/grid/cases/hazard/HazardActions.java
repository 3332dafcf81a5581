package org.tanchang.grid.cases.hazard;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;

/**
 * The hazard's actions: each loads the hazard in the caller's area (404 otherwise) and takes the step through the
 * platform's {@link Steps} with its own {@link Effect}; state, limit, timeline and HazardStateChanged are
 * {@link HazardProcedure}'s. A re-inspection that finds the hazard still there counts a repeat and, from
 * {@code tanchang.hazards.repeat-escalation} repeats on, takes it up a level each time.
 */
@Service
class HazardActions {

    static final String NAME = "hazard.responsibleParty.name";
    static final String PHONE = "hazard.responsibleParty.phone";

    private final Steps steps;
    private final HazardProcedure procedure;
    private final Hazards hazards;
    private final HazardDeadlines deadlines;
    private final HazardEvents events;
    private final HazardEscalation escalation;
    private final HazardProperties properties;
    private final PersonalData personalData;

    HazardActions(Steps steps, HazardProcedure procedure, Hazards hazards, HazardDeadlines deadlines,
            HazardEvents events, HazardEscalation escalation, HazardProperties properties,
            PersonalData personalData) {
        this.steps = steps;
        this.procedure = procedure;
        this.hazards = hazards;
        this.deadlines = deadlines;
        this.events = events;
        this.escalation = escalation;
        this.properties = properties;
        this.personalData = personalData;
    }

    /** The stored form of a responsible party: encrypted, with its mask; null when none was given. */
    Hazard.ResponsibleParty protect(HazardRequests.Party party) {
        if (party == null) {
            return null;
        }
        return new Hazard.ResponsibleParty(personalData.protect(NAME, party.name(), Masker.NAME),
                party.phone() == null || party.phone().isBlank() ? null
                        : personalData.protect(PHONE, party.phone(), Masker.MOBILE));
    }

    Hazard take(Caller caller, String id, String action, String remark, Effect<Hazard, HazardState> effect) {
        return steps.take(procedure, hazards.get(caller, id), caller, action, remark, effect);
    }

    Hazard order(Caller caller, String id, HazardRequests.Order request) {
        Hazard.ResponsibleParty party = protect(request.responsibleParty());
        return take(caller, id, "order-rectification", request.remark(), (h, step) -> {
            if (party == null && h.responsibleParty == null) {
                throw ProblemException.invalid(List.of(new FieldError("responsibleParty",
                        "is required: the hazard names nobody who must remove it yet")));
            }
            if (party != null) {
                h.responsibleParty = party;
            }
            h.riskLevel = request.riskLevel() == null ? h.riskLevel : request.riskLevel();
            h.kind = request.kind() == null ? h.kind : request.kind();
            h.order = new Hazard.Order(request.measures(), step.caller().subject(), step.caller().name(), step.at());
            if (h.officerId == null && step.caller().hasAnyRole(Roles.OFFICER)) {
                h.officerId = step.caller().subject();
                h.officerName = step.caller().name();
            }
            events.ordered(h, deadlines.start(HazardWorkflow.RECTIFICATION, h, step.at()).dueAt(), step.at());
        });
    }

    Hazard reinspectRemoved(Caller caller, String id, String findings) {
        return take(caller, id, "reinspect-removed", findings,
                (h, step) -> events.reinspected(h, true, step.caller().subject(), step.at()));
    }

    Hazard reinspectNotRemoved(Caller caller, String id, String findings) {
        return take(caller, id, "reinspect-not-removed", findings, (h, step) -> {
            h.reopenCount++;
            events.reinspected(h, false, step.caller().subject(), step.at());
            events.reopened(h, deadlines.start(HazardWorkflow.RECTIFICATION, h, step.at()).dueAt(), step.at());
            if (h.reopenCount >= properties.repeatEscalation()) {
                escalation.raise(h, HazardEscalation.REPEAT, step.caller().subject(), step.caller().name(),
                        step.at());
            }
        });
    }

    Hazard escalate(Caller caller, String id, String reason) {
        return take(caller, id, "escalate", reason, (h, step) -> {
            if (!HazardEscalation.canRise(h)) {
                throw ProblemException.conflict("Hazard " + h.id + " is already at the county level",
                        Map.of("level", h.level.name()));
            }
            escalation.raise(h, HazardEscalation.MANUAL, step.caller().subject(), step.caller().name(), step.at());
        });
    }
}
