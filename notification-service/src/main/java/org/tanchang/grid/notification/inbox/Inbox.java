package org.tanchang.grid.notification.inbox;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.consume.ReceivedEvent;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.web.ProblemException;

/** People's inboxes: records notifications from events, lists them and marks them read. */
@Service
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final Clock clock;

    Inbox(MongoOperations mongo, IdempotentWrites writes, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.clock = clock;
    }

    /** Tells the grid's responsible officer about a patrol report; a report of a grid without one tells nobody. */
    void patrolReportSubmitted(ReceivedEvent<PatrolReportSubmitted> event) {
        PatrolReportSubmitted report = event.data();
        if (report.responsibleOfficer() == null || report.responsibleOfficer().id() == null) {
            log.warn("Patrol report {} of grid {} names no responsible officer; no notification recorded",
                    report.reportId(), report.gridCode());
            return;
        }
        PatrolReportMessage message = PatrolReportMessage.of(report);
        Notification n = new Notification();
        n.id = Notification.idOf(event.eventId(), report.responsibleOfficer().id(), Channel.INBOX);
        n.recipientId = report.responsibleOfficer().id();
        n.recipientName = report.responsibleOfficer().name();
        n.channel = Channel.INBOX;
        n.title = message.title();
        n.body = message.body();
        n.subjectType = SubjectType.PATROL_REPORT;
        n.subjectId = report.reportId();
        n.gridCode = report.gridCode();
        n.sourceEventId = event.eventId();
        n.sourceEventType = event.envelope().type();
        n.createdAt = clock.instant();
        if (writes.insertOnce(n)) {
            log.info("Notified {} of patrol report {}", n.recipientId, report.reportId());
        } else {
            log.debug("Notification {} was already recorded", n.id);
        }
    }

    NotificationView get(Caller caller, String id) {
        return NotificationView.of(find(caller, id));
    }

    /**
     * Marks read once: the condition {@code readAt == null} makes the first call set the time and every later call
     * (a retry, a second device) a no-op that returns the notification as it is. Someone else's notification does
     * not match the query, so it is neither changed nor shown (404).
     */
    NotificationView markRead(Caller caller, String id) {
        Notification updated = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("readAt").is(null).andOperator(mine(caller))),
                new Update().set("readAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
                Notification.class);
        return NotificationView.of(updated != null ? updated : find(caller, id));
    }

    Page<NotificationView> list(Caller caller, String subjectId, String gridCode, Boolean unread, int page,
            int size) {
        Criteria readState = unread == null ? null
                : unread ? Criteria.where("readAt").is(null) : Criteria.where("readAt").ne(null);
        Query query = Filters.where().matching(mine(caller)).is("subjectId", subjectId).is("gridCode", gridCode)
                .matching(readState).query();
        // newest first
        return Page.query(mongo, query, Notification.class, Sort.by(Sort.Order.desc("createdAt")), page, size,
                NotificationView::of);
    }

    private Notification find(Caller caller, String id) {
        Notification n = mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(mine(caller))),
                Notification.class);
        if (n == null) {
            throw ProblemException.notFound("Notification", id);
        }
        return n;
    }

    /**
     * An inbox is personal: only the notifications addressed to the caller, whatever their role or area (a county
     * supervisor's area holds no one's inbox). A token without a subject has no inbox and matches nothing; it must
     * never fall through to "no recipient condition", as a null filter value does in {@code Filters.is}.
     */
    private static Criteria mine(Caller caller) {
        return caller.subject() == null ? Criteria.where("_id").in(List.of())
                : Criteria.where("recipientId").is(caller.subject());
    }
}
