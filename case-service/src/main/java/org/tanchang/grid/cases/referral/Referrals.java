package org.tanchang.grid.cases.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.referral.ReferralSent;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.time.WorkCalendar;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.workflow.Deadline;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;
import org.tanchang.grid.platform.workflow.TimeLimit;

/**
 * Referrals as each caller may see them: staff those whose matter lies in their area, an agency's system client only
 * those addressed to it (anything else is not found, as if it did not exist). Steps go through the platform's
 * {@link Steps} with {@link ReferralProcedure}.
 */
@Service
class Referrals {

    private final MongoOperations mongo;
    private final Agencies agencies;
    private final Steps steps;
    private final ReferralProcedure procedure;
    private final Outbox outbox;
    private final WorkCalendar calendar;
    private final Clock clock;

    Referrals(MongoOperations mongo, Agencies agencies, Steps steps, ReferralProcedure procedure, Outbox outbox,
            WorkCalendar calendar, Clock clock) {
        this.mongo = mongo;
        this.agencies = agencies;
        this.steps = steps;
        this.procedure = procedure;
        this.outbox = outbox;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * Refers a matter in the caller's area. The matter may belong to another service, which case-service cannot
     * read, so it is not checked to exist: the referral stores the reference and is scoped by the grid given.
     */
    Referral refer(Caller caller, ReferralRequests.Refer body) {
        Agencies.Agency agency = agencies.byCode(body.agencyCode()).orElseThrow(() -> ProblemException.invalid(
                List.of(new FieldError("agencyCode", "unknown agency; known: " + agencies.agencies().stream()
                        .map(Agencies.Agency::code).toList()))));
        Visibility.requireArea(caller, body.gridCode());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int days = body.replyWorkDays() == null ? agency.replyWorkDays() : body.replyWorkDays();
        Referral r = new Referral();
        r.id = "ref-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        r.matter = new Referral.Matter(body.matterType(), body.matterId(), body.gridCode());
        r.agencyCode = agency.code();
        r.agencyName = agency.name();
        r.agencyClientId = agency.clientId();
        r.delivery = agency.delivery();
        r.question = body.question();
        r.attachmentIds = body.attachmentIds() == null ? new ArrayList<>() : new ArrayList<>(body.attachmentIds());
        r.state = ReferralState.SENT;
        r.deadline = Deadline.start(ReferralState.SENT.name(), TimeLimit.parse(days + "WD"), now, calendar);
        r.referredBy = caller.subject();
        r.referredByName = caller.name();
        r.createdAt = now;
        r.timeline.add(new Referral.TimelineEntry("refer", null, ReferralState.SENT, caller.subject(), caller.name(),
                now, "转 " + agency.name()));
        r.outbox.add(outbox.event(ReferralSent.TYPE, r.id, new ReferralSent(r.id, r.matter.type().name(),
                r.matter.id(), r.matter.gridCode(), r.agencyCode, r.agencyName, r.agencyClientId, r.delivery.name(),
                FreeText.scrub(r.question), List.copyOf(r.attachmentIds), Times.local(r.deadline.dueAt()),
                r.referredBy, Times.local(now))));
        return mongo.insert(r);
    }

    Referral get(Caller caller, String id) {
        Referral r = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibleTo(caller))), Referral.class);
        if (r == null) {
            throw ProblemException.notFound("Referral", id);
        }
        return r;
    }

    Page<ReferralView> list(Caller caller, ReferralState state, String agencyCode, MatterType matterType,
            String matterId, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        all.add(visibleTo(caller));
        if (state != null) {
            all.add(Criteria.where("state").is(state));
        }
        if (agencyCode != null) {
            all.add(Criteria.where("agencyCode").is(agencyCode));
        }
        if (matterType != null) {
            all.add(Criteria.where("matter.type").is(matterType));
        }
        if (matterId != null) {
            all.add(Criteria.where("matter.id").is(matterId));
        }
        return Page.query(mongo, Query.query(new Criteria().andOperator(all)), Referral.class,
                Sort.by(Sort.Order.desc("createdAt")), page, size, ReferralView::of);
    }

    Referral receive(Caller caller, String id, String remark) {
        return take(caller, id, "receive", remark, (r, step) -> r.receipt = record(step.caller(), step.at(), remark,
                null));
    }

    Referral answer(Caller caller, String id, ReferralRequests.Answer body) {
        return take(caller, id, "answer", null, (r, step) -> r.answer = record(step.caller(), step.at(),
                body.answer(), body.reference()));
    }

    Referral close(Caller caller, String id, String remark) {
        return take(caller, id, "close", remark, Effect.none());
    }

    Referral withdraw(Caller caller, String id, String reason) {
        return take(caller, id, "withdraw", reason, Effect.none());
    }

    private Referral take(Caller caller, String id, String action, String remark,
            Effect<Referral, ReferralState> effect) {
        return steps.take(procedure, get(caller, id), caller, action, remark, effect);
    }

    private static Referral.Record record(Caller caller, Instant at, String text, String reference) {
        return new Referral.Record(ReferralProcedure.by(caller), caller.name(), isAgency(caller), at, text, reference);
    }

    private static boolean isAgency(Caller caller) {
        return caller.roles().contains(Roles.SYSTEM);
    }

    /** Staff: the matter's grid in their area. An agency: what is addressed to its own client, nothing else. */
    static Criteria visibleTo(Caller caller) {
        if (isAgency(caller)) {
            return Criteria.where("agencyClientId").is(caller.clientId() == null ? "" : caller.clientId());
        }
        return Visibility.criteria(caller, "matter.gridCode", null);
    }
}
