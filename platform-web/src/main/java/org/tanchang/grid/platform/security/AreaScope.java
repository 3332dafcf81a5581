package org.tanchang.grid.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The areas a caller may act in, as area codes: county (6 digits), township (9), village (12) or grid (15), each the
 * prefix of every code below it (621223 宕昌县 ⊃ 621223101 理川镇 ⊃ 621223101001 杨家村 ⊃ 621223101001001). A
 * scope covers an area when one of its codes is a prefix of the area's code. Codes that are not area codes are
 * dropped when the token is read, so they can never widen a query.
 */
public record AreaScope(List<String> codes) {

    private static final Pattern CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{15}");

    public AreaScope {
        codes = codes == null ? List.of() : codes.stream().filter(AreaScope::isAreaCode).distinct().toList();
    }

    public static AreaScope none() {
        return new AreaScope(List.of());
    }

    public static boolean isAreaCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public boolean isEmpty() {
        return codes.isEmpty();
    }

    /** Whether the area with this code (any level) lies inside the scope. */
    public boolean covers(String areaCode) {
        return areaCode != null && codes.stream().anyMatch(areaCode::startsWith);
    }

    /**
     * A query condition that keeps the documents whose {@code field} (an area code) lies inside the scope: an
     * anchored prefix regex per code, which MongoDB answers from an index on the field. An empty scope matches
     * nothing.
     */
    public Criteria criteria(String field) {
        if (codes.isEmpty()) {
            return Criteria.where(field).in(List.of());
        }
        List<Criteria> any = new ArrayList<>();
        for (String code : codes) {
            any.add(Criteria.where(field).regex("^" + code));   // digits only: nothing to escape
        }
        return any.size() == 1 ? any.get(0) : new Criteria().orOperator(any);
    }
}
