package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.workflow.TimeLimit;
import org.tanchang.grid.platform.workflow.VersionedWrites;
import org.tanchang.grid.platform.time.WorkCalendar;

/**
 * Assistance asked of another agency while the window works on a request (the Wuhai case). The request's own state
 * does not change; its timeline records each step and its view shows "waiting for" the agency until it replies.
 * No event is published: the contracts have no assistance event yet (see the report).
 */
@Service
class RequestAssistance {

    private static final Set<RequestState> WHILE = Set.of(RequestState.PRECHECKED, RequestState.ACCEPTED,
            RequestState.IN_PROCESS);

    private final RequestStore store;
    private final VersionedWrites writes;
    private final WorkCalendar calendar;
    private final Clock clock;

    RequestAssistance(RequestStore store, VersionedWrites writes, WorkCalendar calendar, Clock clock) {
        this.store = store;
        this.writes = writes;
        this.calendar = calendar;
        this.clock = clock;
    }

    ServiceRequest ask(Caller caller, String id, StepBodies.Ask body) {
        ServiceRequest r = store.getToAct(caller, id);
        VersionedWrites.Snapshot read = writes.read(r);
        if (!WHILE.contains(r.state)) {
            throw ProblemException.conflict("Assistance is asked while a request is prechecked, accepted or in "
                    + "process, not " + r.state, Map.of("state", r.state.name()));
        }
        Instant now = now();
        Assistance a = new Assistance();
        a.id = "as-" + UUID.randomUUID().toString().substring(0, 8);
        a.agency = body.agency();
        a.agencyClientId = body.agencyClientId();
        a.question = body.question();
        a.timeLimit = body.timeLimit();
        a.state = Assistance.State.ASKED;
        a.askedBy = caller.subject();
        a.askedAt = now;
        a.dueAt = TimeLimit.parse(body.timeLimit()).dueFrom(now, calendar);
        r.assistance.add(a);
        return save(caller, r, read, "ask-assistance", "请" + a.agency + "协查：" + a.question, now);
    }

    ServiceRequest remind(Caller caller, String id, String assistanceId) {
        ServiceRequest r = store.getToAct(caller, id);
        VersionedWrites.Snapshot read = writes.read(r);
        Assistance a = find(r, assistanceId);
        a.state = AssistanceWorkflow.TABLE.next(a.state, "remind");
        Instant now = now();
        a.reminders.add(now);
        return save(caller, r, read, "remind-assistance", "催办" + a.agency + "（第" + a.reminders.size() + "次）", now);
    }

    /** Typed at the handling window, or sent by the agency's own system (only to the question addressed to it). */
    ServiceRequest reply(Caller caller, String id, String assistanceId, StepBodies.Reply body) {
        ServiceRequest r = RequestStore.isOnlySystem(caller) ? store.addressedTo(caller, id, assistanceId)
                : store.getToAct(caller, id);
        VersionedWrites.Snapshot read = writes.read(r);
        Assistance a = find(r, assistanceId);
        a.state = AssistanceWorkflow.TABLE.next(a.state, "reply");
        Instant now = now();
        a.reply = body.reply();
        a.confirmed = body.confirmed();
        a.repliedBy = caller.subject();
        a.repliedAt = now;
        return save(caller, r, read, "assistance-replied", a.agency + "回复：" + a.reply, now);
    }

    /** The question no longer needs an answer (the applicant brought proof, the request was settled otherwise). */
    ServiceRequest withdraw(Caller caller, String id, String assistanceId, String reason) {
        ServiceRequest r = store.getToAct(caller, id);
        VersionedWrites.Snapshot read = writes.read(r);
        Assistance a = find(r, assistanceId);
        a.state = AssistanceWorkflow.TABLE.next(a.state, "withdraw");
        return save(caller, r, read, "withdraw-assistance", "撤回对" + a.agency + "的协查：" + reason, now());
    }

    private ServiceRequest save(Caller caller, ServiceRequest r, VersionedWrites.Snapshot read, String action,
            String remark, Instant now) {
        r.timeline.add(new ServiceRequest.TimelineEntry(r.state, action, caller.subject(), caller.name(), now, remark));
        writes.write(r, read);
        return r;
    }

    private static Assistance find(ServiceRequest r, String assistanceId) {
        return r.assistance.stream().filter(a -> a.id.equals(assistanceId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Assistance", assistanceId));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
