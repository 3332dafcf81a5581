package org.tanchang.grid.auth.users;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Area codes of a data scope: county (6 digits), township (9), village (12) or grid (15), each the prefix of the
 * codes below it (621223 宕昌县 → 621223101 理川镇 → 621223101001 杨家村 → 621223101001001 its grid).
 */
public final class AreaCodes {

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{15}");

    private AreaCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public static List<String> requireValid(List<String> codes) {
        for (String code : codes) {
            if (!isValid(code)) {
                throw new IllegalArgumentException("not an area code (6, 9, 12 or 15 digits): " + code);
            }
        }
        return List.copyOf(codes);
    }
}
