package org.tanchang.grid.platform.personaldata;

import java.util.regex.Pattern;

/**
 * A mainland mobile number, normalised to its 11 digits. Accepts what people actually type: a {@code +86} or
 * {@code 86} country prefix, spaces or hyphens anywhere, full-width digits ({@code +86 138-0013-8000}). Landlines and numbers
 * outside the mainland are not mobile numbers here; a field that must take them needs its own type.
 */
public final class MobileNumber {

    /** 1, then 3-9 (the second digit of every mainland mobile range), then 9 digits. */
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private final String value;

    private MobileNumber(String value) {
        this.value = value;
    }

    public static Validation<MobileNumber> check(String input) {
        if (input == null) {
            return Validation.invalid("a mobile number is required");
        }
        String s = ChineseIdNumber.halfWidth(input).strip().replaceAll("[\\s-]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("86") && s.length() == 13) {
            // Only with 11 digits after it: an 11-digit number never starts with 86, so this is unambiguous.
            s = s.substring(2);
        }
        if (s.length() != 11 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Validation.invalid("a mobile number has 11 digits (optionally after +86)");
        }
        if (!MOBILE.matcher(s).matches()) {
            return Validation.invalid("a mainland mobile number starts with 13 to 19");
        }
        return Validation.ok(new MobileNumber(s));
    }

    /** @throws IllegalArgumentException with the reason when the input is not a valid number */
    public static MobileNumber parse(String input) {
        Validation<MobileNumber> v = check(input);
        if (!v.valid()) {
            throw new IllegalArgumentException(v.reason());
        }
        return v.value();
    }

    /** The 11 digits of a valid number, or the input as it was if it is not valid. */
    public static String normalise(String input) {
        Validation<MobileNumber> v = check(input);
        return v.valid() ? v.value().value() : input;
    }

    /** The 11 digits, without country prefix or separators. */
    public String value() {
        return value;
    }

    public String masked() {
        return Masking.mobile(value);
    }

    /** Never the full number: values end up in logs and exception messages. */
    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MobileNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
