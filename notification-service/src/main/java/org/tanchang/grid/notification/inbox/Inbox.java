package org.tanchang.grid.notification.inbox;

import java.time.Clock;
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

    NotificationView get(String id) {
        return NotificationView.of(find(id));
    }

    /**
     * Marks read once: the condition {@code readAt == null} makes the first call set the time and every later call
     * (a retry, a second device) a no-op that returns the notification as it is.
     */
    NotificationView markRead(String id) {
        Notification updated = mongo.findAndModify(
                Query.query(Criteria.where("_id").is(id).and("readAt").is(null)),
                new Update().set("readAt", clock.instant()), FindAndModifyOptions.options().returnNew(true),
                Notification.class);
        return NotificationView.of(updated != null ? updated : find(id));
    }

    Page<NotificationView> list(String recipientId, String subjectId, String gridCode, Boolean unread, int page,
            int size) {
        Criteria readState = unread == null ? null
                : unread ? Criteria.where("readAt").is(null) : Criteria.where("readAt").ne(null);
        Query query = Filters.where().is("recipientId", recipientId).is("subjectId", subjectId).is("gridCode", gridCode)
                .matching(readState).query();
        // newest first
        return Page.query(mongo, query, Notification.class, Sort.by(Sort.Order.desc("createdAt")), page, size,
                NotificationView::of);
    }

    private Notification find(String id) {
        Notification n = mongo.findById(id, Notification.class);
        if (n == null) {
            throw ProblemException.notFound("Notification", id);
        }
        return n;
    }
}
