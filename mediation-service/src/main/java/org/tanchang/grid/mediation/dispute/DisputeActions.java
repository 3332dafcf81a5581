package org.tanchang.grid.mediation.dispute;

import static org.tanchang.grid.mediation.dispute.DisputeWorkflow.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.tanchang.grid.contracts.mediation.MediationSessionHeld;
import org.tanchang.grid.mediation.followup.Assignee;
import org.tanchang.grid.mediation.followup.FollowUpVisits;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.web.FieldError;
import org.tanchang.grid.platform.web.ProblemException;
import org.tanchang.grid.platform.web.Times;

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
        return act(caller, id, ADD_PARTIES, request.parties().size() + " party(ies) added",
                d -> d.parties.addAll(parties.protect(request.parties(), d.parties.size())));
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

    DisputeView terminate(Caller caller, String id, Requests.Terminate request) {
        return act(caller, id, TERMINATE, request.referral() + ": " + request.reason(), d -> {
            d.termination = new Parts.Termination(request.reason(), request.referral());
            d.outbox.add(outbox.event(DisputeReferred.TYPE, d.id, new DisputeReferred(d.id, d.gridCode,
                    request.referral().name(), FreeText.scrub(d.description), FreeText.scrub(request.reason()),
                    Times.local(clock.instant()))));
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
