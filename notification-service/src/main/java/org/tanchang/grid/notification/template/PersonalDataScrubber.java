package org.tanchang.grid.notification.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tanchang.grid.platform.personaldata.Masker;

/**
 * Masks what looks like a national ID number or a mainland mobile in free text (a remark, a reason), the way the
 * suite masks them everywhere: {@code 110105********0021}, {@code 138****8000}. Messages leave the suite by
 * e-mail, SMS and webhooks, so they never carry these unmasked, whatever another service put into a description.
 */
public final class PersonalDataScrubber {

    /** 18 characters (17 digits and a digit or X), not part of a longer number. */
    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    /** 11 digits from 13 to 19, optionally +86 / 86 and blanks or hyphens in the usual places. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![0-9])(?:\\+?86[ -]?)?1[3-9]\\d[ -]?\\d{4}[ -]?\\d{4}(?![0-9])");

    private PersonalDataScrubber() {
    }

    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(ID_NUMBER, text, v -> Masker.ID_NUMBER.mask(Masker.ID_NUMBER.normalise(v)));
        return replace(MOBILE, masked, v -> Masker.MOBILE.mask(Masker.MOBILE.normalise(v)));
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> mask) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
