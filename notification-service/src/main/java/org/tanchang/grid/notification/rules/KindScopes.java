package org.tanchang.grid.notification.rules;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.security.Scopes;

/**
 * Which client scope lets another system subscribe to a kind of message: the read scope of the domain whose events
 * the kind's rules come from ({@code CASE_OVERDUE} from case-service's topic needs {@code cases.read}). A system may
 * be told by webhook only what it could read through that service's API.
 */
@Component
public class KindScopes {

    /** Topics read with a scope of their own rather than their domain's: agencies read only referrals. */
    private static final Map<String, String> SCOPE_BY_TOPIC = Map.of(Topics.REFERRALS, Scopes.REFERRALS_READ);
    private static final Map<String, String> SCOPE_BY_TOPIC_PREFIX = Map.of("grid", "grid.read", "case", "cases.read",
            "mediation", "mediation.read", "petition", "petition.read");

    private final Map<String, String> scopeByKind = new TreeMap<>();

    KindScopes(RuleProperties properties) {
        for (Rule rule : properties.rules()) {
            KnownEvents.named(rule.event()).ifPresent(type -> {
                String prefix = type.topic().substring(0, type.topic().indexOf('.'));
                String scope = SCOPE_BY_TOPIC.getOrDefault(type.topic(), SCOPE_BY_TOPIC_PREFIX.get(prefix));
                String earlier = scopeByKind.putIfAbsent(rule.kind(), scope);
                if (earlier != null && !earlier.equals(scope)) {
                    throw new IllegalStateException("Kind " + rule.kind() + " comes from events of two domains ("
                            + earlier + ", " + scope + "); a webhook could not tell which scope it needs");
                }
            });
        }
    }

    /** Every kind a rule produces. */
    public Set<String> kinds() {
        return scopeByKind.keySet();
    }

    /** The scope a system needs for this kind; empty for an unknown kind. */
    public Optional<String> scopeOf(String kind) {
        return Optional.ofNullable(scopeByKind.get(kind));
    }
}
