package org.tanchang.grid.gridservice.area;

import java.util.Optional;

/**
 * The rules of a well-formed code, in one place for every node: digits of a known level, under the county this
 * deployment serves (GB/T 2260 county code), and a sequence of three digits that is not 000 (000 is how GB/T 2260
 * writes "the level above itself", so it would make two levels share a code).
 */
public final class AreaCodes {

    private AreaCodes() {
    }

    /** Why the code is not acceptable, or empty when it is. */
    public static Optional<String> problem(String code, String countyCode) {
        Optional<AreaLevel> level = AreaLevel.ofCode(code);
        if (level.isEmpty()) {
            return Optional.of("must be 6, 9, 12, 15 or 18 digits (county, township, village, grid, ten-household unit)");
        }
        if (!code.startsWith(countyCode)) {
            return Optional.of("must lie in county " + countyCode);
        }
        if (level.get() != AreaLevel.COUNTY && code.endsWith("000")) {
            return Optional.of("the last three digits (the sequence within the parent) must not be 000");
        }
        return Optional.empty();
    }
}
