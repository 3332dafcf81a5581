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
 *
 * <p>{@link Roles#SYSTEM} is another government system calling with client credentials; its role says nothing about
 * what the county registered it for, so an endpoint open to systems also names the OAuth scopes that may call it
 * ({@link #scopes()}, any one suffices; see {@link Scopes}). A system whose token holds none of them is refused, and
 * an endpoint that lists SYSTEM but no scope is refused to every system (fail closed, like a missing annotation).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Allowed {

    /** Role names from {@link Roles}. */
    String[] value();

    /**
     * The OAuth scopes of which a {@link Roles#SYSTEM} caller needs at least one, by convention
     * {@code <domain>.read} for reads and {@code <domain>.write} for writes ({@link Scopes}). Ignored for people.
     */
    String[] scopes() default {};
}
