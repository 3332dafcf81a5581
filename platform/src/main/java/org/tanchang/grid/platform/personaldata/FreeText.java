package org.tanchang.grid.platform.personaldata;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what looks like a resident identity number or a mainland mobile in free text a person typed (a
 * description, a remark, a reason), with the suite's usual masks: {@code 110105********0021}, {@code 138****8000}.
 * Used where such text leaves the service that stores it: events (every consumer reads them) and messages (e-mail,
 * SMS, webhooks). The stored document keeps what was typed; the officers who may read it see it there.
 *
 * <p>What is recognised, and why no more:
 * <ul>
 * <li>18 characters, 17 digits and a digit or X (either case, half- or full-width), not inside a longer run of
 * digits or letters. The check character is not verified: a mistyped number is still somebody's number.</li>
 * <li>11 digits starting 13 to 19, optionally after {@code +86} or {@code 86}, with a blank or hyphen after the
 * prefix and in the usual 3-4-4 places, not inside a longer run of digits.</li>
 * <li>15-digit first-generation identity numbers are NOT masked, by design: grid codes are 15 digits too
 * ({@code 621223101001001}) and must stay readable in remarks, those cards have not been valid since 2013, and
 * {@link ChineseIdNumber} refuses them as input.</li>
 * <li>Numbers split in other ways ({@code 110105 19491231 0021}) or spelt out in words are not found.</li>
 * </ul>
 */
public final class FreeText {

    private static final String DIGIT = "[0-9０-９]";

    /** 17 digits and a digit or X, not part of a longer number or word (order numbers, codes). */
    private static final Pattern ID_NUMBER = Pattern.compile(
            "(?<![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])" + DIGIT + "{17}[0-9Xx０-９Ｘｘ](?![0-9A-Za-z０-９Ａ-Ｚａ-ｚ])");

    /** 1, 3-9, 9 more digits; optional +86 / 86; blanks or hyphens after the prefix and in the 3-4-4 places. */
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9０-９])(?:[+＋]?[8８][6６][ \u3000-]?)?"
            + "[1１][3-9３-９]" + DIGIT + "[ \u3000-]?" + DIGIT + "{4}[ \u3000-]?" + DIGIT + "{4}(?![0-9０-９])");

    /**
     * A house, flat or village-group number after a street, lane, village, group, estate or building word: the
     * digits of {@code 人民路12号}, {@code 杨家村3组15号}, {@code 幸福小区5栋2单元301室}. The place itself stays readable
     * ({@code 人民路**号}): where something happened is public, who lives at which door is not. Unit words after a
     * word that is no place ({@code 保管柜3号}, {@code 12月5号}) are left alone.
     */
    private static final Pattern HOUSE_NUMBER = Pattern.compile("(?<=[路街巷道弄村组社队苑院区庄屯园里楼])"
            + "(?:[ \u3000]*" + DIGIT + "+(?:[-－]" + DIGIT + "+)*[ \u3000]*(?:号楼|号院|号|室|户|栋|幢|单元|层|楼|组|社|队|弄))+");
    private static final Pattern ANY_DIGIT = Pattern.compile(DIGIT);

    private FreeText() {
    }

    /**
     * For text anybody may read without signing in (public notices, the catalogue, Open311): {@link #scrub} and
     * house numbers masked too. Events and messages keep addresses, because the officials they reach must find the
     * place; a public page must not show which door it was.
     */
    public static String scrubPublic(String text) {
        String scrubbed = scrub(text);
        if (scrubbed == null || scrubbed.isEmpty()) {
            return scrubbed;
        }
        return replace(HOUSE_NUMBER, scrubbed, v -> ANY_DIGIT.matcher(v).replaceAll("*"));
    }

    /**
     * The text with identity numbers and mobiles masked; {@code null} stays null and a text without either is
     * returned as it is (the same instance), so callers may scrub every field without a cost for ordinary text.
     */
    public static String scrub(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = replace(ID_NUMBER, text, v -> Masker.ID_NUMBER.mask(Masker.ID_NUMBER.normalise(v)));
        return replace(MOBILE, masked, v -> Masker.MOBILE.mask(Masker.MOBILE.normalise(v)));
    }

    private static String replace(Pattern pattern, String text, UnaryOperator<String> mask) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
