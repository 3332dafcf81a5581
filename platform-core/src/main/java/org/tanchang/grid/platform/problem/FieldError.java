package org.tanchang.grid.platform.problem;

/** One entry of a validation problem's {@code errors} list. Rejected values are never echoed: they may be personal. */
public record FieldError(String field, String message) {
}
