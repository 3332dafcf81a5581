package org.tanchang.grid.mediation.dispute;

import static org.tanchang.grid.mediation.dispute.DisputeWorkflow.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.mediation.AgreementSigned;
import org.tanchang.grid.contracts.mediation.AgreementTermPerformed;
import org.tanchang.grid.contracts.mediation.DisputeReferred;
import org.tanchang.grid.contracts.mediation.DisputeStateChanged;
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

/**
 * Every step of the workflow: checked against {@link DisputeWorkflow} (409 when illegal) and the step's own rules
 * before anything changes, then recorded in the timeline with DisputeStateChanged (when the state changes) and the
 * step's own event, all in one versioned write of the dispute.
 */
@Service
class DisputeActions {

    private final MongoOperations mongo;
    private final DisputeQueries queries;
    private final DisputeParties parties;
    private final Deadlines deadlines;
    private final Escalation escalation;
    private final FollowUpVisits visits;
    private final Outbox outbox;
    private final Clock clock;

    DisputeActions(MongoOperations mongo, DisputeQueries queries, DisputeParties parties, Deadlines deadlines,
            Escalation escalation, FollowUpVisits visits, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.queries = queries;
        this.parties = parties;
        this.deadlines = deadlines;
        this.escalation = escalation;
        this.visits = visits;
        this.outbox = outbox;
        this.clock = clock;
    }

    DisputeView addParties(Caller caller, String id, Requests.AddParties request) {
        DisputeView view = act(caller, id, ADD_PARTIES, request.parties().size() + " party(ies) added", d -> {
            d.parties.addAll(parties.protect(request.parties(), d.parties.size()));
            spanPartiesGrids(d, request.parties());
        });
        visits.spanGrids(view.id(), view.otherGridCodes());
        return view;
    }

    /** The parties' home grids other than the dispute's join its grids: their people see it too. */
    static void spanPartiesGrids(Dispute d, List<Requests.PartyRequest> requests) {
        span(d, requests.stream().map(Requests.PartyRequest::gridCode).toList());
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
    DisputeView addGrids(Caller caller, String id, Requests.AddGrids request) {
        DisputeView view = act(caller, id, ADD_GRIDS, String.join(", ", request.gridCodes()) + ": "
                + request.reason(), d -> {
                    span(d, request.gridCodes());
                    if (d.otherGridCodes.size() > 20) {
                        throw ProblemException.invalid(List.of(new FieldError("gridCodes",
                                "a dispute spans at most 20 other grids")));
                    }
                });
        // a second write, like the visits themselves: if it is lost, a repeated add-grids repairs it
        visits.spanGrids(view.id(), view.otherGridCodes());
        return view;
    }

    /** A visit for a party not yet asked (or anyone): scheduled after the dispute's step is recorded. */
    DisputeView scheduleVisit(Caller caller, String id, Requests.ScheduleVisit request) {
        String party = request.partyName() == null ? null : request.partyName().strip();
        Assignee assignee = request.assigneeId() == null ? new Assignee(caller.subject(), caller.name())
                : new Assignee(request.assigneeId(), request.assigneeName());
        DisputeView view = act(caller, id, SCHEDULE_VISIT, "visit due " + request.dueOn()
                + (party == null ? "" : " for " + party) + ", by " + assignee.id(), d -> {
            if (party != null && d.parties.stream().noneMatch(p -> p.name().equals(party))) {
                throw ProblemException.invalid(List.of(new FieldError("partyName", "must name a party of the dispute")));
            }
        });
        // a second write, like the visit after an agreement: the visit is its own aggregate
        visits.scheduleRequested(view.id(), view.gridCode(), request.dueOn(), party, assignee);
        return view;
    }

    /** Why a party is not visited, on record instead of a visit; a later excuse for the same party replaces it. */
    DisputeView excuseVisit(Caller caller, String id, Requests.ExcuseVisit request) {
        return act(caller, id, EXCUSE_VISIT, "party " + request.partyIndex() + " not visited: " + request.reason(),
                d -> {
                    Parts.Party party = d.parties.stream().filter(p -> p.index() == request.partyIndex()).findFirst()
                            .orElseThrow(() -> ProblemException.invalid(List.of(new FieldError("partyIndex",
                                    "must name a party of the dispute"))));
                    d.visitExcuses.removeIf(e -> e.partyIndex() == party.index());
                    d.visitExcuses.add(new Parts.VisitExcuse(party.index(), party.name(), request.reason(),
                            caller.subject(), clock.instant()));
                });
    }

    /**
     * Supervision (督办): not a step of the procedure, so the state and its time limit stay; refused once archived.
     * Recorded in the timeline and announced by DisputeSupervised to the mediators and the area's supervisors.
     */
    DisputeView supervise(Caller caller, String id, Requests.Supervise request) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), Times.COUNTY_ZONE);
        if (request.deadline() != null && request.deadline().isBefore(today)) {
            throw ProblemException.invalid(List.of(new FieldError("deadline", "must be today or later")));
        }
        Dispute d = queries.load(caller, id);
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
        mongo.save(d);
        return DisputeView.of(d, DisputeParties::masked, now);
    }

    DisputeView accept(Caller caller, String id, Requests.Accept request) {
        return act(caller, id, ACCEPT, request.remark(), d -> {
            if (request.type() != null) {
                d.type = request.type();
            }
            if (request.riskLevel() != null) {
                d.riskLevel = request.riskLevel();
                escalation.byRisk(d, clock.instant(), "risk " + d.riskLevel + " on acceptance");
            }
        });
    }

    DisputeView decline(Caller caller, String id, Requests.Decline request) {
        return act(caller, id, DECLINE, request.reason(), d -> d.declineReason = request.reason());
    }

    DisputeView simple(Caller caller, String id, String action, Requests.Remark request) {
        return act(caller, id, action, request.remark(), d -> {
            if (action.equals(CONFIRM) || action.equals(REFUSE_CONFIRMATION)) {
                d.confirmation = new Parts.Confirmation(d.confirmation.appliedOn(), action.equals(CONFIRM),
                        request.remark());
            }
        });
    }

    DisputeView holdSession(Caller caller, String id, Requests.HoldSession s) {
        return act(caller, id, HOLD_SESSION, s.method() + " @ " + s.place(), d -> {
            Parts.Session session = new Parts.Session(d.sessions.size(), s.heldOn(), s.place().strip(),
                    List.copyOf(s.mediatorIds()), s.method(), s.notes(), caller.subject(), clock.instant());
            d.sessions.add(session);
            d.outbox.add(outbox.event(MediationSessionHeld.TYPE, d.id, new MediationSessionHeld(d.id,
                    d.id + "-session-" + session.index(), d.gridCode, s.heldOn(),
                    FreeText.scrub(session.place()), s.method().name(), session.mediatorIds())));
        });
    }

    /** More time for mediation, agreed by the parties, up to the configured total. */
    DisputeView extend(Caller caller, String id, Requests.Extend request) {
        return act(caller, id, EXTEND_MEDIATION, "+" + request.days() + " days: " + request.reason(), d -> {
            Parts.Deadline running = d.deadline;
            Duration limit = Duration.between(running.startedAt(), running.dueAt()).plusDays(request.days());
            Duration original = Duration.between(running.startedAt(),
                    deadlines.mediation(running.startedAt()).dueAt());
            if (limit.minus(original).compareTo(deadlines.limits().maxExtension()) > 0) {
                throw ProblemException.unprocessable("extension-limit", "Extension too long", "Mediation may be "
                        + "extended by at most " + deadlines.limits().maxExtension().toDays() + " days in total");
            }
            Instant due = running.dueAt().plus(Duration.ofDays(request.days()));
            d.deadline = new Parts.Deadline(running.step(), running.limit() + " +" + limit.minus(original).toDays()
                    + "d", running.startedAt(), due, org.tanchang.grid.platform.workflow.TimeLimit.yellowAt(
                    running.startedAt(), due));
        });
    }

    DisputeView agree(Caller caller, String id, Requests.Agree request) {
        DisputeView view = act(caller, id, AGREE, request.terms().size() + " terms", d -> {
            List<FieldError> errors = new ArrayList<>();
            List<Parts.Term> terms = new ArrayList<>();
            for (int i = 0; i < request.terms().size(); i++) {
                Requests.TermRequest t = request.terms().get(i);
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
    DisputeView terminate(Caller caller, String id, Requests.Terminate request) {
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
        return act(caller, id, TERMINATE, remark, d -> {
            d.termination = new Parts.Termination(request.reason(), request.referral(), ending);
            if (ending == Ending.REFERRED) {
                d.outbox.add(outbox.event(DisputeReferred.TYPE, d.id, new DisputeReferred(d.id, d.gridCode,
                        request.referral().name(), FreeText.scrub(d.description), FreeText.scrub(request.reason()),
                        Times.local(clock.instant()))));
            }
        });
    }

    /** The joint application must come within the window after the agreement took effect (人民调解法 art. 33). */
    DisputeView applyConfirmation(Caller caller, String id, Requests.ApplyConfirmation request) {
        return act(caller, id, APPLY_CONFIRMATION, request.remark(), d -> {
            java.time.LocalDate last = d.agreement.effectiveOn().plus(deadlines.limits().confirmationWindow());
            if (request.appliedOn().isAfter(last) || request.appliedOn().isBefore(d.agreement.effectiveOn())) {
                throw ProblemException.unprocessable("confirmation-window", "Outside the confirmation window",
                        "Judicial confirmation must be applied for between " + d.agreement.effectiveOn() + " and "
                                + last + " (" + deadlines.limits().confirmationWindow() + " after taking effect)");
            }
            d.confirmation = new Parts.Confirmation(request.appliedOn(), null, request.remark());
        });
    }

    DisputeView performTerm(Caller caller, String id, Requests.PerformTerm request) {
        // the remark is optional: without one the entry still says what happened, never "term 5: null"
        String remark = "term " + request.termIndex() + " performed on " + request.performedOn()
                + (request.remark() == null || request.remark().isBlank() ? "" : ": " + request.remark());
        return act(caller, id, PERFORM_TERM, remark, d -> {
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

    DisputeView fulfil(Caller caller, String id, Requests.Remark request) {
        return act(caller, id, FULFIL, request.remark(), d -> ClosingGuard.require(FULFIL, d,
                ClosingGuard.missing(d, List.of()).stream().filter(m -> m.get("kind").equals("UNPERFORMED_TERM"))
                        .toList()));
    }

    DisputeView archive(Caller caller, String id, Requests.Remark request) {
        return act(caller, id, ARCHIVE, request.remark(),
                d -> ClosingGuard.require(ARCHIVE, d, ClosingGuard.missing(d, visits.ofDispute(d.id))));
    }

    private DisputeView act(Caller caller, String id, String action, String remark, Consumer<Dispute> effect) {
        Dispute d = queries.load(caller, id);
        DisputeState from = d.state;
        DisputeState to = WORKFLOW.next(from, action);   // 409 listing the allowed actions
        effect.accept(d);                                // the step's own rules: problems before anything changes
        Instant now = clock.instant();
        d.state = to;
        d.deadline = deadlines.entering(from, to, d.deadline, now);
        d.timeline.add(new Parts.TimelineEntry(action, from, to, caller.subject(), caller.name(), now, remark));
        if (from != to) {
            d.outbox.add(outbox.event(DisputeStateChanged.TYPE, d.id, new DisputeStateChanged(d.id, d.gridCode,
                    d.type.name(), from.name(), to.name(), d.level.name(), caller.subject(), Times.local(now),
                    FreeText.scrub(remark))));
        }
        mongo.save(d);   // @Version: a concurrent step gets the platform's 409 for a stale write
        return DisputeView.of(d, DisputeParties::masked, now);
    }
}
