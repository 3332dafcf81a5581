package org.tanchang.grid.platform.personaldata;

/**
 * The masked forms shown to callers whose role may not see a value. Lengths are counted in code points, so a
 * Chinese character (or one outside the BMP, as in some rare names) is one character, never half of one.
 *
 * <p>Every method returns {@code null} for {@code null}, and masks a value too short for its rule completely
 * rather than show more of it than the rule intends.
 */
public final class Masking {

    private static final String STAR = "*";

    /** Characters of an address kept by {@link #address(String)}: about the township (e.g. 宕昌县理川镇). */
    public static final int ADDRESS_KEPT = 6;

    private Masking() {
    }

    /** {@code 110105194912310021} → {@code 110105********0021}: the address code and last four stay. */
    public static String idNumber(String value) {
        return keep(value, 6, 4);
    }

    /** {@code 13800138000} → {@code 138****8000}; a {@code +86} prefix or separators are normalised away first. */
    public static String mobile(String value) {
        if (value == null) {
            return null;
        }
        return keep(MobileNumber.normalise(value), 3, 4);
    }

    /** The administrative part (first {@value #ADDRESS_KEPT} characters), then {@code ****}. */
    public static String address(String value) {
        return address(value, ADDRESS_KEPT);
    }

    /**
     * The first {@code kept} characters, then a fixed {@code ****} (fixed so the mask does not tell the length).
     * At most half of the address is ever kept, so a short address is not shown nearly whole.
     */
    public static String address(String value, int kept) {
        if (value == null) {
            return null;
        }
        int[] cps = value.strip().codePoints().toArray();
        int n = Math.min(kept, cps.length / 2);
        return new String(cps, 0, n) + "****";
    }

    /** {@code 李德明} → {@code 李**}, {@code 李明} → {@code 李*}: the first character (the surname) stays. */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        int[] cps = value.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return STAR.repeat(cps.length);
        }
        return new String(cps, 0, 1) + STAR.repeat(cps.length - 1);
    }

    /**
     * The first {@code head} and last {@code tail} characters with one star for each character between; a value
     * of {@code head + tail} characters or fewer becomes all stars.
     */
    public static String keep(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length <= head + tail) {
            return STAR.repeat(cps.length);
        }
        return new String(cps, 0, head) + STAR.repeat(cps.length - head - tail)
                + new String(cps, cps.length - tail, tail);
    }
}
