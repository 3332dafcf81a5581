package org.tanchang.grid.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An {@code /api/**} endpoint that is public on purpose (the service catalogue, public lost-property notices). Its
 * path must also be listed in {@code tanchang.security.public-paths}, which is what lets a request without a token
 * through the filter chain; this annotation is what lets it through the role check.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface PublicEndpoint {
}
