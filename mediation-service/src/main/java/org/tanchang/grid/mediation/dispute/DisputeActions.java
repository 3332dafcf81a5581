package org.tanchang.grid.mediation.dispute;

import static org.tanchang.grid.mediation.dispute.DisputeWorkflow.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.mediation.AgreementSigned;
import org.tanchang.grid.contracts.mediation.AgreementTermPerformed;
import org.tanchang.grid.contracts.mediation.DisputeReferred;
import org.tanchang.grid.contracts.mediation.DisputeSupervised;
import org.tanchang.grid.contracts.mediation.MediationSessionHeld;
import org.tanchang.grid.mediation.followup.Assignee;
import org.tanchang.grid.mediation.followup.FollowUpVisits;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Deadline;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * Every step of the workflow, taken by the platform's {@link Steps}: checked against {@link DisputeWorkflow} (409 when
 * illegal) and the step's own rules (its {@link Effect}) before anything changes, then recorded by
 * {@link DisputeProcedure} (timeline, time limit, DisputeStateChanged) with the step's own event, all in one versioned
 * write of the dispute.
 */
@Service
class DisputeActions {

    /** How many grids besides its own a dispute may span. */
    static final int MAX_OTHER_GRIDS = 20;

    private final Steps steps;
    private final VersionedWrites writes;
    private final DisputeProcedure procedure;
    private final DisputeQueries queries;
    private final DisputeParties parties;
    private final Deadlines deadlines;
    private final Escalation escalation;
    private final FollowUpVisits visits;
    private final Outbox outbox;
    private final Clock clock;

    DisputeActions(Steps steps, VersionedWrites writes, DisputeProcedure procedure, DisputeQueries queries,
            DisputeParties parties, Deadlines deadlines, Escalation escalation, FollowUpVisits visits, Outbox outbox,
            Clock clock) {
        this.steps = steps;
        this.writes = writes;
        this.procedure = procedure;
        this.queries = queries;
        this.parties = parties;
        this.deadlines = deadlines;
        this.escalation = escalation;
        this.visits = visits;
        this.outbox = outbox;
        this.clock = clock;
    }

    DisputeView addParties(Caller caller, String id, DisputeRequests.AddParties request) {
        DisputeView view = act(caller, id, ADD_PARTIES, request.parties().size() + " party(ies) added", (d, step) -> {
            d.parties.addAll(parties.protect(request.parties(), d.parties.size()));
            spanPartiesGrids(d, request.parties());
        });
        visits.spanGrids(view.id(), view.otherGridCodes());
        return view;
    }

    /** The parties' home grids other than the dispute's join its grids: their people see it too. */
    static void spanPartiesGrids(Dispute d, List<DisputeRequests.PartyRequest> requests) {
        span(d, requests.stream().map(DisputeRequests.PartyRequest::gridCode).toList());
    }

    private static void span(Dispute d, List<String> gridCodes) {
        for (String code : gridCodes) {
            if (code != null && !code.equals(d.gridCode) && !d.otherGridCodes.contains(code)) {
                d.otherGridCodes.add(code);
            }
        }
    }

    /**
     * The dispute spans more grids (the herder lives in 拉沙村): everyone responsible for any of them sees it and may
     * act on it. The grids may lie outside the caller's own area: that is the point, the others must see it.
     */
    DisputeView addGrids(Caller caller, String id, DisputeRequests.AddGrids request) {
        DisputeView view = act(caller, id, ADD_GRIDS, String.join(", ", request.gridCodes()) + ": "
                + request.reason(), spanning(request.gridCodes()));
        // a second write, like the visits themselves: if it is lost, a repeated add-grids repairs it
        visits.spanGrids(view.id(), view.otherGridCodes());
        return view;
    }

    /** The effect of add-grids: the grids join the dispute's, at most 20 others in all. */
    static Effect<Dispute, DisputeState> spanning(List<String> gridCodes) {
        return (d, step) -> {
            span(d, gridCodes);
            if (d.otherGridCodes.size() > MAX_OTHER_GRIDS) {
                throw ProblemException.invalid(List.of(new FieldError("gridCodes",
                        "a dispute spans at most " + MAX_OTHER_GRIDS + " other grids")));
            }
        };
    }

    /** A visit for a party not yet asked (or anyone): scheduled after the dispute's step is recorded. */
    DisputeView scheduleVisit(Caller caller, String id, DisputeRequests.ScheduleVisit request) {
        String party = request.partyName() == null ? null : request.partyName().strip();
        Assignee assignee = request.assigneeId() == null ? new Assignee(caller.subject(), caller.name())
                : new Assignee(request.assigneeId(), request.assigneeName());
        DisputeView view = act(caller, id, SCHEDULE_VISIT, "visit due " + request.dueOn()
                + (party == null ? "" : " for " + party) + ", by " + assignee.id(), (d, step) -> {
            if (party != null && d.parties.stream().noneMatch(p -> p.name().equals(party))) {
                throw ProblemException.invalid(List.of(new FieldError("partyName", "must name a party of the dispute")));
            }
        });
        // a second write, like the visit after an agreement: the visit is its own aggregate
        visits.scheduleRequested(view.id(), view.gridCode(), request.dueOn(), party, assignee);
        return view;
    }

    /** Why a party is not visited, on record instead of a visit; a later excuse for the same party replaces it. */
    DisputeView excuseVisit(Caller caller, String id, DisputeRequests.ExcuseVisit request) {
        return act(caller, id, EXCUSE_VISIT, "party " + request.partyIndex() + " not visited: " + request.reason(),
                excusing(request));
    }

    /** The effect of excuse-visit: the reason on record for a party of the dispute, replacing an earlier one. */
    static Effect<Dispute, DisputeState> excusing(DisputeRequests.ExcuseVisit request) {
        return (d, step) -> {
            Parts.Party party = d.parties.stream().filter(p -> p.index() == request.partyIndex()).findFirst()
                    .orElseThrow(() -> ProblemException.invalid(List.of(new FieldError("partyIndex",
                            "must name a party of the dispute"))));
            d.visitExcuses.removeIf(e -> e.partyIndex() == party.index());
            d.visitExcuses.add(new Parts.VisitExcuse(party.index(), party.name(), request.reason(),
                    step.caller().subject(), step.at()));
        };
    }

    /**
     * Supervision (督办): not a step of the procedure, so the state and its time limit stay; refused once archived.
     * Recorded in the timeline and announced by DisputeSupervised to the mediators and the area's supervisors.
     */
    DisputeView supervise(Caller caller, String id, DisputeRequests.Supervise request) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.COUNTY_ZONE);
        if (request.deadline() != null && request.deadline().isBefore(today)) {
            throw ProblemException.invalid(List.of(new FieldError("deadline", "must be today or later")));
        }
        Dispute d = queries.load(caller, id);
        VersionedWrites.Snapshot read = writes.read(d);
        if (d.state == DisputeState.ARCHIVED) {
            throw ProblemException.conflict("Dispute " + id + " is archived; only disputes not yet archived are "
                    + "supervised", Map.of("state", d.state.name()));
        }
        Instant now = clock.instant();
        d.supervisions.add(new Parts.Supervision(caller.subject(), caller.name(), now, request.reason(),
                request.deadline()));
        String remark = "督办: " + request.reason() + (request.deadline() == null ? "" : " (by " + request.deadline()
                + ")");
        d.timeline.add(new Parts.TimelineEntry("supervise", d.state, d.state, caller.subject(), caller.name(), now,
                remark));
        d.outbox.add(outbox.event(DisputeSupervised.TYPE, d.id, new DisputeSupervised(d.id, d.gridCode,
                d.state.name(), List.copyOf(d.mediatorIds), d.level.areaOf(d.gridCode), caller.subject(),
                caller.name(), FreeText.scrub(request.reason()), request.deadline(), Times.local(now))));
        writes.write(d, read);
        return DisputeView.of(d, DisputeParties::masked, now);
    }

    DisputeView accept(Caller caller, String id, DisputeRequests.Accept request) {
        return act(caller, id, ACCEPT, request.remark(), (d, step) -> {
            if (request.type() != null) {
                d.type = request.type();
            }
            if (request.riskLevel() != null) {
                d.riskLevel = request.riskLevel();
                escalation.byRisk(d, step.at(), "risk " + d.riskLevel + " on acceptance");
            }
        });
    }

    DisputeView decline(Caller caller, String id, DisputeRequests.Decline request) {
        return act(caller, id, DECLINE, request.reason(), (d, step) -> d.declineReason = request.reason());
    }

    DisputeView simple(Caller caller, String id, String action, DisputeRequests.Remark request) {
        return act(caller, id, action, request.remark(), (d, step) -> {
            if (action.equals(CONFIRM) || action.equals(REFUSE_CONFIRMATION)) {
                d.confirmation = new Parts.Confirmation(d.confirmation.appliedOn(), action.equals(CONFIRM),
                        request.remark());
            }
        });
    }

    DisputeView holdSession(Caller caller, String id, DisputeRequests.HoldSession s) {
        return act(caller, id, HOLD_SESSION, s.method() + " @ " + s.place(), (d, step) -> {
            Parts.Session session = new Parts.Session(d.sessions.size(), s.heldOn(), s.place().strip(),
                    List.copyOf(s.mediatorIds()), s.method(), s.notes(), caller.subject(), step.at());
            d.sessions.add(session);
            d.outbox.add(outbox.event(MediationSessionHeld.TYPE, d.id, new MediationSessionHeld(d.id,
                    d.id + "-session-" + session.index(), d.gridCode, s.heldOn(),
                    FreeText.scrub(session.place()), s.method().name(), session.mediatorIds())));
        });
    }

    /** More time for mediation, agreed by the parties, up to the configured total. */
    DisputeView extend(Caller caller, String id, DisputeRequests.Extend request) {
        return act(caller, id, EXTEND_MEDIATION, "+" + request.days() + " days: " + request.reason(), (d, step) -> {
            Deadline running = d.deadline;
            Duration limit = Duration.between(running.startedAt(), running.dueAt()).plusDays(request.days());
            Duration original = Duration.between(running.startedAt(),
                    deadlines.mediation(running.startedAt()).dueAt());
            if (limit.minus(original).compareTo(deadlines.limits().maxExtension()) > 0) {
                throw ProblemException.unprocessable("extension-limit", "Extension too long", "Mediation may be "
                        + "extended by at most " + deadlines.limits().maxExtension().toDays() + " days in total");
            }
            d.deadline = running.extendedTo(running.dueAt().plus(Duration.ofDays(request.days())),
                    running.limit() + " +" + limit.minus(original).toDays() + "d");
        });
    }

    DisputeView agree(Caller caller, String id, DisputeRequests.Agree request) {
        DisputeView view = act(caller, id, AGREE, request.terms().size() + " terms", (d, step) -> {
            List<FieldError> errors = new ArrayList<>();
            List<Parts.Term> terms = new ArrayList<>();
            for (int i = 0; i < request.terms().size(); i++) {
                DisputeRequests.TermRequest t = request.terms().get(i);
                if (t.obligorIndex() >= d.parties.size()) {
                    errors.add(new FieldError("terms[" + i + "].obligorIndex", "must name a party of the dispute"));
                }
                if (t.beneficiaryIndex() != null && t.beneficiaryIndex() >= d.parties.size()) {
                    errors.add(new FieldError("terms[" + i + "].beneficiaryIndex", "must name a party of the dispute"));
                }
                terms.add(new Parts.Term(i, t.obligorIndex(), t.beneficiaryIndex(), t.obligation().strip(),
                        t.amountFen(), t.dueOn(), null, null));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            String agreementId = "agreement-" + (d.timeline.stream().filter(e -> e.action().equals(AGREE)).count() + 1);
            d.agreement = new Parts.Agreement(agreementId, request.signedOn(),
                    request.effectiveOn() == null ? request.signedOn() : request.effectiveOn(), List.copyOf(terms));
            d.outbox.add(outbox.event(AgreementSigned.TYPE, d.id, new AgreementSigned(d.id, agreementId, d.gridCode,
                    terms.size(), terms.stream().mapToLong(Parts.Term::amountFen).sum(), request.signedOn())));
        });
        // a second write: the visit is its own aggregate; if it is lost, the dispute cannot be archived without one
        visits.scheduleAfterAgreement(view.id(), view.gridCode(), view.agreement().id(), request.signedOn(),
                new Assignee(caller.subject(), caller.name()));
        return view;
    }

    /**
     * Ends mediation without agreement. Only a referral needs (and publishes) a target: a withdrawal or the parties'
     * own settlement is recorded as such and sends the matter nowhere.
     */
    DisputeView terminate(Caller caller, String id, DisputeRequests.Terminate request) {
        Ending ending = request.endingOrDefault();
        if (ending == Ending.REFERRED && request.referral() == null) {
            throw ProblemException.invalid(List.of(new FieldError("referral",
                    "must be LITIGATION, ARBITRATION or CASE when the ending is REFERRED")));
        }
        if (ending != Ending.REFERRED && request.referral() != null) {
            throw ProblemException.invalid(List.of(new FieldError("referral",
                    "must be left out unless the ending is REFERRED (this ending is " + ending + ")")));
        }
        String remark = (ending == Ending.REFERRED ? request.referral() : ending) + ": "
                + request.reason();
        return act(caller, id, TERMINATE, remark, (d, step) -> {
            d.termination = new Parts.Termination(request.reason(), request.referral(), ending);
            if (ending == Ending.REFERRED) {
                d.outbox.add(outbox.event(DisputeReferred.TYPE, d.id, new DisputeReferred(d.id, d.gridCode,
                        request.referral().name(), FreeText.scrub(d.description), FreeText.scrub(request.reason()),
                        Times.local(step.at()))));
            }
        });
    }

    /** The joint application must come within the window after the agreement took effect (人民调解法 art. 33). */
    DisputeView applyConfirmation(Caller caller, String id, DisputeRequests.ApplyConfirmation request) {
        return act(caller, id, APPLY_CONFIRMATION, request.remark(), (d, step) -> {
            LocalDate last = d.agreement.effectiveOn().plus(deadlines.limits().confirmationWindow());
            if (request.appliedOn().isAfter(last) || request.appliedOn().isBefore(d.agreement.effectiveOn())) {
                throw ProblemException.unprocessable("confirmation-window", "Outside the confirmation window",
                        "Judicial confirmation must be applied for between " + d.agreement.effectiveOn() + " and "
                                + last + " (" + deadlines.limits().confirmationWindow() + " after taking effect)");
            }
            d.confirmation = new Parts.Confirmation(request.appliedOn(), null, request.remark());
        });
    }

    DisputeView performTerm(Caller caller, String id, DisputeRequests.PerformTerm request) {
        // the remark is optional: without one the entry still says what happened, never "term 5: null"
        String remark = "term " + request.termIndex() + " performed on " + request.performedOn()
                + (request.remark() == null || request.remark().isBlank() ? "" : ": " + request.remark());
        return act(caller, id, PERFORM_TERM, remark, (d, step) -> {
            List<Parts.Term> terms = new ArrayList<>(d.agreement.terms());
            if (request.termIndex() >= terms.size()) {
                throw ProblemException.invalid(List.of(new FieldError("termIndex", "must name a term of the agreement")));
            }
            Parts.Term term = terms.get(request.termIndex());
            if (term.performedOn() != null) {
                throw ProblemException.conflict("Term " + term.index() + " was performed on " + term.performedOn(),
                        Map.of("state", d.state.name(), "termIndex", term.index()));
            }
            terms.set(term.index(), term.performed(request.performedOn(), caller.subject()));
            d.agreement = new Parts.Agreement(d.agreement.id(), d.agreement.signedOn(), d.agreement.effectiveOn(),
                    List.copyOf(terms));
            d.outbox.add(outbox.event(AgreementTermPerformed.TYPE, d.id, new AgreementTermPerformed(d.id,
                    d.agreement.id(), d.gridCode, term.index(), term.amountFen(), request.performedOn(),
                    d.agreement.allPerformed())));
        });
    }

    DisputeView fulfil(Caller caller, String id, DisputeRequests.Remark request) {
        return act(caller, id, FULFIL, request.remark(), FULFILLING);
    }

    /** The effect of fulfil: refused (409, listing them) while any term of the agreement is unperformed. */
    static final Effect<Dispute, DisputeState> FULFILLING = (d, step) -> ClosingGuard.require(FULFIL, d,
            ClosingGuard.missing(d, List.of()).stream().filter(m -> m.get("kind").equals("UNPERFORMED_TERM"))
                    .toList());

    DisputeView archive(Caller caller, String id, DisputeRequests.Remark request) {
        return act(caller, id, ARCHIVE, request.remark(),
                (d, step) -> ClosingGuard.require(ARCHIVE, d, ClosingGuard.missing(d, visits.ofDispute(d.id))));
    }

    private DisputeView act(Caller caller, String id, String action, String remark,
            Effect<Dispute, DisputeState> effect) {
        Dispute d = steps.take(procedure, queries.load(caller, id), caller, action, remark, effect);
        return DisputeView.of(d, DisputeParties::masked, clock.instant());
    }
}
