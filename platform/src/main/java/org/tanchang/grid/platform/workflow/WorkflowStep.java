package org.tanchang.grid.platform.workflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code /api/**} handler as the endpoint of one action of a {@link Workflow}, in place of
 * {@link org.tanchang.grid.platform.security.Allowed}: the roles (and a system's scopes) are the table's, checked
 * before the handler runs like {@code @Allowed} (fail closed), and the operation's OpenAPI text gets the table's
 * {@code A → B}, its roles and the 404/409 problems of a step.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WorkflowStep {

    /** The class holding the table as a static {@link Workflow} field (one per class). */
    Class<?> of();

    /** The action's name in the table. */
    String value();
}
