package org.tanchang.grid.platform.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the operation an API handler's audit records carry when the name {@link AuditOperations} derives from its
 * path would not say it well. Most handlers need none.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AuditOperation {

    /** {@code <object>.<step>}, e.g. {@code incident.add-vehicle}. */
    String value();
}
