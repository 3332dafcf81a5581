package org.tanchang.grid.platform.personaldata;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.tanchang.grid.platform.time.Times;

/**
 * A mainland resident identity number (公民身份号码) per GB 11643-1999, parsed and normalised (upper-case check
 * character). Obtained only through {@link #check} or {@link #parse}, so an instance is always valid (a class,
 * not a record, because a record's public constructor would let unchecked values in).
 *
 * <p>Layout: 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit sequence code (odd for men, even for
 * women), ISO 7064 MOD 11-2 check character.
 *
 * <p>Only the province part of the address code is checked: county codes are renumbered over the years and a
 * number keeps the code of its first issue, so a full GB/T 2260 table would reject genuine old numbers.
 */
public final class ChineseIdNumber {

    public static final int LENGTH = 18;

    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    /** Check character for each remainder of the weighted sum mod 11 (ISO 7064 MOD 11-2). */
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private final String value;

    private ChineseIdNumber(String normalised) {
        this.value = normalised;
    }

    /** The normalised 18 characters. */
    public String value() {
        return value;
    }

    /** Judged against today in the county's zone; a caller holding the Clock bean passes its own today. */
    public static Validation<ChineseIdNumber> check(String input) {
        return check(input, LocalDate.now(Times.COUNTY_ZONE));
    }

    /** @param today the date after which a birth date is in the future (tests pass a fixed one) */
    public static Validation<ChineseIdNumber> check(String input, LocalDate today) {
        if (input == null) {
            return Validation.invalid("an identity number is required");
        }
        String s = halfWidth(input).strip();
        if (s.length() == 15 && allDigits(s, 15)) {
            return Validation.invalid("15-digit first-generation identity numbers are no longer accepted; "
                    + "give the 18-character number of the current card");
        }
        if (s.length() != LENGTH) {
            return Validation.invalid("an identity number has exactly 18 characters");
        }
        if (!allDigits(s, 17)) {
            return Validation.invalid("the first 17 characters of an identity number must be digits");
        }
        char last = Character.toUpperCase(s.charAt(17));
        if (!(last >= '0' && last <= '9') && last != 'X') {
            return Validation.invalid("the last character of an identity number must be a digit or X");
        }
        if (!knownProvince(Integer.parseInt(s.substring(0, 2)))) {
            return Validation.invalid("the identity number does not start with a valid province code");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(s.substring(6, 10)), Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            return Validation.invalid("the birth date in the identity number is not a real date");
        }
        if (birth.isBefore(EARLIEST_BIRTH)) {
            return Validation.invalid("the birth date in the identity number is before 1900");
        }
        if (birth.isAfter(today)) {
            return Validation.invalid("the birth date in the identity number is in the future");
        }
        if (checkCharacter(s.substring(0, 17)) != last) {
            return Validation.invalid("the check character of the identity number is wrong (mistyped digit?)");
        }
        return Validation.ok(trusted(s.substring(0, 17) + last));
    }

    /** @throws IllegalArgumentException with the reason when the input is not a valid number */
    public static ChineseIdNumber parse(String input) {
        Validation<ChineseIdNumber> v = check(input);
        if (!v.valid()) {
            throw new IllegalArgumentException(v.reason());
        }
        return v.value();
    }

    /** Trimmed, with an upper-case X: the form that is stored and hashed (valid or not, so hashes agree). */
    public static String normalise(String input) {
        return input == null ? null : halfWidth(input).strip().toUpperCase(Locale.ROOT);
    }

    /** Chinese input methods often type full-width digits and letters (１２３Ｘ); NFKC turns them into ASCII. */
    static String halfWidth(String input) {
        return Normalizer.normalize(input, Normalizer.Form.NFKC);
    }

    /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17 || !allDigits(first17, 17)) {
            throw new IllegalArgumentException("need exactly 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public String addressCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }

    public Gender gender() {
        return (value.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /**
     * Numbers starting 81, 82 or 83 are residence permits of Hong Kong, Macao and Taiwan residents (since 2018):
     * same format and check, but not a mainland household registration.
     */
    public boolean residencePermit() {
        return value.startsWith("8");
    }

    public String masked() {
        return Masking.idNumber(value);
    }

    /** Never the full number: records end up in logs and exception messages. */
    @Override
    public String toString() {
        return masked();
    }

    /**
     * Province-level codes of GB/T 2260 that appear in identity numbers, plus 81-83 for the residence permits of
     * Hong Kong, Macao and Taiwan residents. 71 (Taiwan) is in GB/T 2260 but no identity number is issued with
     * it; Taiwan residents on the mainland hold 83 permits, so a 71 number is a typing error.
     */
    private static boolean knownProvince(int p) {
        return (p >= 11 && p <= 15) || (p >= 21 && p <= 23) || (p >= 31 && p <= 37) || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54) || (p >= 61 && p <= 65) || p == 81 || p == 82 || p == 83;
    }

    private static boolean allDigits(String s, int n) {
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static ChineseIdNumber trusted(String normalised) {
        return new ChineseIdNumber(normalised);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChineseIdNumber other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
