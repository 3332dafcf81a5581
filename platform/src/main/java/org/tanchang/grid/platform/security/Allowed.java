package org.tanchang.grid.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an {@code /api/**} endpoint (any one of them suffices). Every API handler method must carry
 * this or {@link PublicEndpoint}: a handler with neither is refused for everybody (fail closed), so a new endpoint
 * cannot be forgotten open. Which objects the caller may then see or change is the endpoint's own check against
 * {@link Caller#scope()}; this only decides whether the role may use the endpoint at all (else 403).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {

    /** Role names from {@link Roles}. */
    String[] value();
}
