package org.tanchang.grid.platform.personaldata;

/**
 * The outcome of checking an input: either valid with the parsed value, or invalid with a reason a person can act
 * on. Reasons never repeat the input, because the input is personal data and reasons end up in responses and logs.
 *
 * @param valid  whether the input is acceptable
 * @param reason why it is not (English, one sentence); {@code null} when valid
 * @param value  the parsed, normalised value; {@code null} when invalid
 */
public record Validation<T>(boolean valid, String reason, T value) {

    public static <T> Validation<T> ok(T value) {
        return new Validation<>(true, null, value);
    }

    public static <T> Validation<T> invalid(String reason) {
        return new Validation<>(false, reason, null);
    }
}
