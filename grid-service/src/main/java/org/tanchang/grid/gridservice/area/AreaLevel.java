package org.tanchang.grid.gridservice.area;

import java.util.Arrays;
import java.util.Optional;

/**
 * The levels of the administrative tree and the length of their codes: each code is its parent's code plus three
 * digits, so the level of any code is known from its length alone.
 */
public enum AreaLevel {
    COUNTY(6), TOWNSHIP(9), VILLAGE(12), GRID(15), UNIT(18);

    private final int digits;

    AreaLevel(int digits) {
        this.digits = digits;
    }

    public int digits() {
        return digits;
    }

    public static Optional<AreaLevel> ofCode(String code) {
        if (code == null || !code.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(level -> level.digits == code.length()).findFirst();
    }

    /** The parent's code (a county has none). */
    public static String parentOf(String code) {
        return code.length() <= 6 ? null : code.substring(0, code.length() - 3);
    }
}
