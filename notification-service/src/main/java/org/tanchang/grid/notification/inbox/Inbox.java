package org.tanchang.grid.notification.inbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.stream.Collectors;
import org.tanchang.grid.notification.delivery.Channel;
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
import java.time.Instant;
import org.tanchang.grid.notification.delivery.Outgoing;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;

/** People's inboxes: records the inbox deliveries, lists them, streams them and marks them read. */
@Service
class Inbox {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final Clock clock;
    private final LiveSignals live;

    Inbox(MongoOperations mongo, IdempotentWrites writes, Clock clock, LiveSignals live) {
        this.mongo = mongo;
        this.writes = writes;
        this.clock = clock;
        this.live = live;
    }

    /**
     * Records an inbox message once (its id is the delivery's) and pushes it to the recipient's open streams on
     * every instance. A second call for the same delivery (a worker retrying after a crash) finds it recorded and
     * pushes nothing.
     */
    void record(Outgoing message) {
        Notification n = new Notification();
        n.id = message.deliveryId();
        n.recipientId = message.recipientId();
        n.recipientName = message.recipientName();
        n.channel = Channel.INBOX;
        n.kind = message.kind();
        n.title = message.title();
        n.body = message.body();
        n.subjectType = message.subjectType();
        n.subjectId = message.subjectId();
        n.gridCode = message.gridCode();
        n.sourceEventId = message.sourceEventId();
        n.sourceEventType = message.sourceEventType();
        n.createdAt = clock.instant();
        if (writes.insertOnce(n)) {
            log.debug("Notified {} of {} {}", n.recipientId, n.subjectType, n.subjectId);
            live.deliver(n.recipientId, NotificationView.of(n));
        }
    }

    /** The caller's unread notifications recorded after {@code since}, oldest first, for a stream that (re)connects. */
    List<NotificationView> unreadSince(Caller caller, Instant since, int limit) {
        Query query = Query.query(Criteria.where("createdAt").gt(since).and("readAt").is(null).andOperator(mine(caller)))
                .with(Sort.by(Sort.Order.desc("createdAt"))).limit(limit);
        List<NotificationView> newestFirst = mongo.find(query, Notification.class).stream().map(NotificationView::of)
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.reverse(newestFirst);
        return newestFirst;
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
