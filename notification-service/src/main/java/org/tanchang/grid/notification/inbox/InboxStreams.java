package org.tanchang.grid.notification.inbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tanchang.grid.platform.security.Caller;

/** Opens a caller's stream: first what they missed (if they say since when), then whatever arrives. */
@Service
class InboxStreams {

    /** Enough for a reconnect after a short outage; the inbox list has the rest. */
    private static final int REPLAY_LIMIT = 100;

    private final Inbox inbox;
    private final InboxStream stream;

    InboxStreams(Inbox inbox, InboxStream stream) {
        this.inbox = inbox;
        this.stream = stream;
    }

    SseEmitter open(Caller caller, OffsetDateTime since, Integer maxSeconds) {
        // a token without a subject has no inbox: it gets a stream on which nothing ever arrives
        String recipient = caller.subject() == null ? "" : caller.subject();
        SseEmitter emitter = stream.open(recipient, maxSeconds == null ? null : Duration.ofSeconds(maxSeconds));
        if (since != null) {
            List<NotificationView> missed = inbox.unreadSince(caller, since.toInstant(), REPLAY_LIMIT);
            missed.forEach(view -> stream.send(recipient, emitter, view));
        }
        return emitter;
    }
}
