package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Reminds the other agency of an unanswered assistance once per period (催办), so the Wuhai confirmation does not
 * wait on somebody remembering to phone: a reminder is due a period after the last one, or after the asking; a
 * clerk's own reminder counts. Each reminder is recorded in the assistance's reminders and in the request's
 * timeline as "remind-assistance" by this service. The write is conditional on the request's version, so two
 * instances sweeping at once remind once; the loser tries again at its next sweep and finds nothing due.
 */
@Component
class AssistanceReminders {

    static final String ACTOR = "petition-service";

    private final MongoOperations mongo;
    private final RequestStore store;
    private final Duration period;
    private final Clock clock;

    AssistanceReminders(MongoOperations mongo, RequestStore store,
            @Value("${tanchang.petition.assistance-reminder-period}") Duration period, Clock clock) {
        this.mongo = mongo;
        this.store = store;
        this.period = period;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tanchang.petition.sweep-interval:10s}")
    void sweep() {
        remindAt(clock.instant());
    }

    /** Reminds as of {@code now}; returns how many reminders were recorded. */
    int remindAt(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        Query waiting = Query.query(Criteria.where("state").in(RequestState.OPEN)
                .and("assistance").elemMatch(Criteria.where("state").is(Assistance.State.ASKED)));
        int reminded = 0;
        for (ServiceRequest r : mongo.find(waiting, ServiceRequest.class)) {
            reminded += remind(r, at);
        }
        return reminded;
    }

    private int remind(ServiceRequest r, Instant now) {
        List<Assistance> due = r.assistance.stream().filter(a -> a.state == Assistance.State.ASKED)
                .filter(a -> !now.isBefore(last(a).plus(period))).toList();
        if (due.isEmpty()) {
            return 0;
        }
        Update update = new Update();
        for (Assistance a : due) {
            a.reminders.add(now);
        }
        update.set("assistance", r.assistance);
        update.push("timeline").each(due.stream().map(a -> new ServiceRequest.TimelineEntry(r.state,
                "remind-assistance", ACTOR, "自动催办", now, "催办" + a.agency + "（第" + a.reminders.size() + "次）"))
                .toArray());
        try {
            store.update(r, update, List.of());
            return due.size();
        } catch (ProblemException changedMeanwhile) {
            return 0;
        }
    }

    private static Instant last(Assistance a) {
        return a.reminders.isEmpty() ? a.askedAt : a.reminders.get(a.reminders.size() - 1);
    }
}
