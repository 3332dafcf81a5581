package org.tanchang.grid.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * Another system's wish to be called back about some kinds of message (all when {@code kinds} is empty), owned by
 * the client that made it and limited to the areas that client may act in.
 */
@Document("webhook_subscriptions")
class WebhookSubscription {

    @Id
    String id;
    String name;
    String url;
    /** The shared signing secret, encrypted at rest like personal data; never shown again after creation. */
    ProtectedValue secret;
    Set<String> kinds;
    String language;
    boolean active;
    String createdBy;
    Instant createdAt;
    /** The OAuth client (for a system) or user (for an administrator) it belongs to; only they see and end it. */
    String owner;
    /**
     * The owner's area codes when it subscribed: messages of other areas are not sent. Null only for subscriptions
     * made before subscriptions were owned (sent everything, as then).
     */
    List<String> areaCodes;
}
