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
 * The annotated string is a mainland mobile number ({@link MobileNumber#check}; {@code +86}, spaces and hyphens
 * allowed). {@code null} is valid: whether the field is required is {@code @NotNull}'s job.
 */
@Documented
@Constraint(validatedBy = MobileValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface Mobile {

    String message() default "must be a mainland mobile number of 11 digits starting with 13 to 19";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
