package org.tanchang.grid.platform.personaldata;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The annotated string is a valid resident identity number ({@link ChineseIdNumber#check}). {@code null} is
 * valid: whether the field is required is {@code @NotNull}'s job. The violation message is the specific reason
 * (wrong check character, impossible date, 15-digit legacy number ...), never the value.
 */
@Documented
@Constraint(validatedBy = IdNumberValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface IdNumber {

    String message() default "must be an 18-character resident identity number (GB 11643)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
