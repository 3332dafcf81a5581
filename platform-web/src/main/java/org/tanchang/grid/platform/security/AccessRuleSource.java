package org.tanchang.grid.platform.security;

import org.springframework.web.method.HandlerMethod;

/**
 * Another place than {@link Allowed} where a handler's access is declared (a workflow step takes its roles from its
 * table). A bean; {@link AccessRules} asks each after the method's own {@code @Allowed}.
 */
public interface AccessRuleSource {

    /** The rule declared for {@code handler} here, or {@code null}. */
    AccessRule find(HandlerMethod handler);
}
