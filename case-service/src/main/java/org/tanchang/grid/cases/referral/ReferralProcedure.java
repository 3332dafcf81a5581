package org.tanchang.grid.cases.referral;

import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.referral.ReferralAnswered;
import org.tanchang.grid.contracts.referral.ReferralClosed;
import org.tanchang.grid.contracts.referral.ReferralDeadlineApproaching;
import org.tanchang.grid.contracts.referral.ReferralOverdue;
import org.tanchang.grid.contracts.referral.ReferralReceived;
import org.tanchang.grid.contracts.referral.ReferralWithdrawn;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.DeadlineTrack;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * What every referral step leaves: the state, the timeline entry, and the event of that step. The one time limit is
 * the agency's reply: it runs from sending until the answer (or withdrawal), so a receipt does not restart it; the
 * platform's sweep raises its yellow and red flags on {@link #replyDeadline()}.
 */
@Component
class ReferralProcedure implements Procedure<Referral, ReferralState> {

    private final Outbox outbox;

    ReferralProcedure(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Workflow<ReferralState> workflow() {
        return ReferralWorkflow.TABLE;
    }

    @Override
    public ReferralState state(Referral referral) {
        return referral.state;
    }

    @Override
    public void enter(Referral referral, Step<ReferralState> step) {
        referral.state = step.to();
        referral.timeline.add(new Referral.TimelineEntry(step.action(), step.from(), step.to(), by(step.caller()),
                step.caller().name(), step.at(), step.remark()));
    }

    @Override
    public OutboxEvent announce(Referral r, Step<ReferralState> step) {
        Referral.Matter m = r.matter;
        var at = Times.local(step.at());
        String by = by(step.caller());
        return switch (step.action()) {
            case "receive" -> outbox.event(ReferralReceived.TYPE, r.id, new ReferralReceived(r.id, m.type().name(),
                    m.id(), m.gridCode(), r.agencyCode, by, r.referredBy, at));
            case "answer" -> outbox.event(ReferralAnswered.TYPE, r.id, new ReferralAnswered(r.id, m.type().name(),
                    m.id(), m.gridCode(), r.agencyCode, r.agencyName, r.agencyClientId, by, r.referredBy,
                    isOverdue(r), at));
            case "close" -> outbox.event(ReferralClosed.TYPE, r.id, new ReferralClosed(r.id, m.type().name(), m.id(),
                    m.gridCode(), r.agencyCode, by, at));
            case "withdraw" -> outbox.event(ReferralWithdrawn.TYPE, r.id, new ReferralWithdrawn(r.id,
                    m.type().name(), m.id(), m.gridCode(), r.agencyCode, by, at));
            default -> throw new IllegalStateException("No event for referral step " + step.action());
        };
    }

    /** Flagged overdue by the sweep: the reply came after the deadline (as the sweep, not the step, tells it). */
    private static boolean isOverdue(Referral r) {
        return r.deadline != null && r.deadline.raised() == DeadlineFlag.RED;
    }

    /** An agency acts as its client; people by their user name. */
    static String by(Caller caller) {
        return caller.roles().contains(Roles.SYSTEM) && caller.clientId() != null ? caller.clientId()
                : caller.subject();
    }

    @Bean
    DeadlineTrack<Referral> replyDeadline() {
        return DeadlineTrack.of("referral-reply", Referral.class, "deadline", this::raise)
                .whileOpen(Criteria.where("state").in(ReferralState.SENT.name(), ReferralState.RECEIVED.name()));
    }

    void raise(Referral r, DeadlineFlag flag, Instant now) {
        r.deadline = r.deadline.announced(flag);
        Referral.Matter m = r.matter;
        var due = Times.local(r.deadline.dueAt());
        r.outbox.add(flag == DeadlineFlag.RED
                ? outbox.event(ReferralOverdue.TYPE, r.id, new ReferralOverdue(r.id, m.type().name(), m.id(),
                        m.gridCode(), r.agencyCode, r.agencyName, r.agencyClientId, r.state.name(), due, r.referredBy))
                : outbox.event(ReferralDeadlineApproaching.TYPE, r.id, new ReferralDeadlineApproaching(r.id,
                        m.type().name(), m.id(), m.gridCode(), r.agencyCode, r.agencyName, r.agencyClientId,
                        r.state.name(), due, r.referredBy)));
    }
}
