package org.tanchang.grid.platform.personaldata;

import jakarta.validation.ConstraintValidatorContext;

final class Constraints {

    private Constraints() {
    }

    /**
     * Reports the specific reason instead of the annotation's generic message. The reason is escaped because it
     * becomes a message template, where braces and dollars would be interpolated; our reasons hold no input, but
     * the escaping keeps it that way should one ever do.
     */
    static void replaceMessage(ConstraintValidatorContext context, String reason) {
        context.disableDefaultConstraintViolation();
        String template = reason.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
        context.buildConstraintViolationWithTemplate(template).addConstraintViolation();
    }
}
