package org.tanchang.grid.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
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
import org.tanchang.grid.notification.rules.KindScopes;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Webhook subscriptions: each kept by the system (or administrator) that made it, matched by the rules within its
 * kinds and areas, read by the sender.
 */
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
    private final KindScopes kindScopes;
    private final String countyCode;

    WebhookSubscriptions(MongoOperations mongo, PersonalData personalData, Clock clock, KindScopes kindScopes,
            @Value("${tanchang.notification.default-language}") String defaultLanguage,
            @Value("${tanchang.notification.webhook.cache}") Duration cacheFor,
            @Value("${tanchang.notification.county-code}") String countyCode) {
        this.mongo = mongo;
        this.kindScopes = kindScopes;
        this.countyCode = countyCode;
        this.personalData = personalData;
        this.clock = clock;
        this.defaultLanguage = defaultLanguage;
        this.cacheFor = cacheFor;
    }

    /**
     * Active subscriptions that want this kind of message about this area ({@code areaCode} null: a message of no
     * area, such as a request's, which only county-wide subscriptions get). Read for every rule that fires, so they
     * are cached for {@code tanchang.notification.webhook.cache}; a change through this instance clears the cache at
     * once, one through another instance is seen here after at most that long.
     */
    public List<Subscriber> matching(String kind, String areaCode) {
        return active().stream().filter(s -> s.kinds == null || s.kinds.isEmpty() || s.kinds.contains(kind))
                .filter(s -> s.areaCodes == null || new AreaScope(s.areaCodes)
                        .covers(areaCode == null ? countyCode : areaCode))
                .map(s -> new Subscriber(s.id, s.name, s.language)).toList();
    }

    /** As {@link #matching(String, String)}, but only the subscriptions of client {@code owner} (none if null). */
    public List<Subscriber> matching(String kind, String areaCode, String owner) {
        if (owner == null) {
            return List.of();
        }
        Set<String> owned = active().stream().filter(s -> owner.equals(s.owner)).map(s -> s.id)
                .collect(Collectors.toSet());
        return matching(kind, areaCode).stream().filter(s -> owned.contains(s.id())).toList();
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

    /**
     * A system subscribes for itself: to the kinds its client scopes let it read (all of those when it names none),
     * in the areas of its token. An administrator is not limited by client scopes.
     */
    WebhookView create(Caller caller, WebhookRequest request) {
        Set<String> requested = request.kinds() == null ? Set.of() : request.kinds();
        List<String> unknown = requested.stream().filter(kind -> kindScopes.scopeOf(kind).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(List.of(new FieldError("kinds", "unknown kinds " + unknown + "; known: "
                    + kindScopes.kinds())));
        }
        if (caller.scope().codes().isEmpty()) {
            throw ProblemException.forbidden("This client acts in no area, so no message may be sent to it");
        }
        Set<String> kinds = requested;
        if (isSystem(caller)) {
            Set<String> permitted = kindScopes.kinds().stream()
                    .filter(kind -> caller.clientScopes().contains(kindScopes.scopeOf(kind).orElseThrow()))
                    .collect(Collectors.toCollection(TreeSet::new));
            List<String> refused = requested.stream().filter(kind -> !permitted.contains(kind)).sorted()
                    .map(kind -> kind + " (needs " + kindScopes.scopeOf(kind).orElseThrow() + ")").toList();
            if (!refused.isEmpty()) {
                throw ProblemException.forbidden("This client's scopes do not cover the kinds " + refused);
            }
            if (permitted.isEmpty()) {
                throw ProblemException.forbidden("This client's scopes cover no kind of message; it needs one of "
                        + new TreeSet<>(kindScopes.kinds().stream().map(k -> kindScopes.scopeOf(k).orElseThrow())
                                .toList()));
            }
            kinds = requested.isEmpty() ? permitted : requested;
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = "wh-" + UUID.randomUUID();
        s.name = request.name();
        s.url = request.url();
        s.secret = personalData.protect(SECRET_CONTEXT, request.secret(), Masker.HIDDEN);
        s.kinds = kinds;
        s.language = request.language() == null ? defaultLanguage : request.language();
        s.active = true;
        s.createdBy = caller.subject();
        s.createdAt = clock.instant();
        s.owner = owner(caller);
        s.areaCodes = List.copyOf(caller.scope().codes());
        mongo.insert(s);
        changed();
        return WebhookView.of(s);
    }

    /** The caller's own subscriptions, newest first. */
    Page<WebhookView> list(Caller caller, int page, int size) {
        return Page.query(mongo, Query.query(ownedBy(caller)), WebhookSubscription.class,
                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("_id")), page, size, WebhookView::of);
    }

    /** One of the caller's own subscriptions; another's is not found, as if it did not exist. */
    WebhookView get(Caller caller, String id) {
        WebhookSubscription s = mongo.findOne(owned(caller, id), WebhookSubscription.class);
        if (s == null) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        return WebhookView.of(s);
    }

    /** Ends one of the caller's own subscriptions; its history of deliveries stays. */
    void deactivate(Caller caller, String id) {
        if (mongo.updateFirst(owned(caller, id), new Update().set("active", false),
                WebhookSubscription.class).getMatchedCount() == 0) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        changed();
    }

    private static Query owned(Caller caller, String id) {
        return Query.query(new Criteria().andOperator(Criteria.where("_id").is(id), ownedBy(caller)));
    }

    /**
     * The caller's subscriptions. Those made before subscriptions had owners fall to the administrators, so that
     * someone can still see and end them.
     */
    private static Criteria ownedBy(Caller caller) {
        Criteria mine = Criteria.where("owner").is(owner(caller));
        return caller.roles().contains(Roles.ADMIN) ? new Criteria().orOperator(mine, Criteria.where("owner").is(null))
                : mine;
    }

    private static boolean isSystem(Caller caller) {
        return caller.roles().contains(Roles.SYSTEM);
    }

    /** A system's subscriptions belong to its OAuth client, an administrator's to the person. */
    static String owner(Caller caller) {
        return isSystem(caller) && caller.clientId() != null ? caller.clientId() : caller.subject();
    }

    /** Address and plain secret for one call; empty when the subscription ended meanwhile. */
    Optional<Endpoint> endpoint(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookSubscription.class)).filter(s -> s.active)
                .map(s -> new Endpoint(s.url, personalData.reveal(SECRET_CONTEXT, s.secret)));
    }

    record Endpoint(String url, String secret) {
    }
}
