package org.tanchang.grid.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemException;

/** Webhook subscriptions: kept by operators of other systems, matched by the rules, read by the sender. */
@Service
public class WebhookSubscriptions {

    /** A subscriber as the rules see it. */
    public record Subscriber(String id, String name, String language) {
    }

    static final String SECRET_CONTEXT = "webhook.secret";

    private final MongoOperations mongo;
    private final PersonalData personalData;
    private final Clock clock;
    private final String defaultLanguage;
    private final Duration cacheFor;

    WebhookSubscriptions(MongoOperations mongo, PersonalData personalData, Clock clock,
            @Value("${tanchang.notification.default-language}") String defaultLanguage,
            @Value("${tanchang.notification.webhook.cache}") Duration cacheFor) {
        this.mongo = mongo;
        this.personalData = personalData;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
        this.cacheFor = cacheFor;
    }

    /**
     * Active subscriptions that want this kind. Read for every rule that fires, so they are cached for
     * {@code tanchang.notification.webhook.cache}; a change through this instance clears the cache at once, one
     * through another instance is seen here after at most that long.
     */
    public List<Subscriber> matching(String kind) {
        return active().stream().filter(s -> s.kinds == null || s.kinds.isEmpty() || s.kinds.contains(kind))
                .map(s -> new Subscriber(s.id, s.name, s.language)).toList();
    }

    private record Cached(List<WebhookSubscription> subscriptions, Instant loadedAt) {
    }

    private volatile Cached cached = new Cached(List.of(), Instant.MIN);

    private List<WebhookSubscription> active() {
        Cached current = cached;
        Instant now = Instant.now();
        if (current.loadedAt().plus(cacheFor).isBefore(now)) {
            current = new Cached(mongo.find(Query.query(Criteria.where("active").is(true)), WebhookSubscription.class),
                    now);
            cached = current;
        }
        return current.subscriptions();
    }

    private void changed() {
        cached = new Cached(List.of(), Instant.MIN);
    }

    WebhookView create(Caller caller, WebhookRequest request) {
        WebhookSubscription s = new WebhookSubscription();
        s.id = "wh-" + UUID.randomUUID();
        s.name = request.name();
        s.url = request.url();
        s.secret = personalData.protect(SECRET_CONTEXT, request.secret(), Masker.HIDDEN);
        s.kinds = request.kinds() == null ? Set.of() : request.kinds();
        s.language = request.language() == null ? defaultLanguage : request.language();
        s.active = true;
        s.createdBy = caller.subject();
        s.createdAt = clock.instant();
        mongo.insert(s);
        changed();
        return WebhookView.of(s);
    }

    Page<WebhookView> list(int page, int size) {
        return Page.query(mongo, new Query(), WebhookSubscription.class,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")), page, size, WebhookView::of);
    }

    /** Ends a subscription; its history of deliveries stays. */
    void deactivate(String id) {
        if (mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("active", false),
                WebhookSubscription.class).getMatchedCount() == 0) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        changed();
    }

    /** Address and plain secret for one call; empty when the subscription ended meanwhile. */
    Optional<Endpoint> endpoint(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookSubscription.class)).filter(s -> s.active)
                .map(s -> new Endpoint(s.url, personalData.reveal(SECRET_CONTEXT, s.secret)));
    }

    record Endpoint(String url, String secret) {
    }
}
