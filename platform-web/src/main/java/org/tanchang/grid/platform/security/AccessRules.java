package org.tanchang.grid.platform.security;

import java.util.List;
import org.springframework.web.method.HandlerMethod;

/**
 * Finds a handler's {@link AccessRule}: its method's {@link Allowed}, else a declaration from an
 * {@link AccessRuleSource} (a workflow table), else its class's {@code @Allowed}; {@code null} when none, which the
 * role check refuses for everybody (fail closed). The role check and the OpenAPI document both ask here, so what is
 * documented is what is enforced.
 */
public final class AccessRules {

    private final List<AccessRuleSource> sources;

    public AccessRules(List<AccessRuleSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public AccessRule find(HandlerMethod handler) {
        Allowed onMethod = handler.getMethodAnnotation(Allowed.class);
        if (onMethod != null) {
            return AccessRule.of(onMethod);
        }
        for (AccessRuleSource source : sources) {
            AccessRule rule = source.find(handler);
            if (rule != null) {
                return rule;
            }
        }
        Allowed onClass = handler.getBeanType().getAnnotation(Allowed.class);
        return onClass == null ? null : AccessRule.of(onClass);
    }
}
