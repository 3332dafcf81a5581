package org.tanchang.grid.auth.admin;

import java.util.ArrayList;
import java.util.List;

import org.tanchang.grid.auth.users.AreaCodes;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;

/**
 * Who may manage people and clients: an ADMIN whose scope holds a whole county (a township's admin would otherwise
 * hand out county-wide accounts). Readers (ADMIN, SUPERVISOR) see the accounts whose areas lie in their scope.
 */
final class AdminScope {

    private AdminScope() {
    }

    static void requireCountyAdmin(Caller caller) {
        if (!caller.roles().contains(Roles.ADMIN) || caller.scope().codes().stream().noneMatch(c -> c.length() == 6)) {
            throw ProblemException.forbidden("Only an admin with a county-wide scope manages accounts and clients");
        }
    }

    /** The area codes of a request, each an area code inside the caller's scope; else a 400 naming them. */
    static List<String> requireAreas(Caller caller, String field, List<String> codes, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        if (codes == null || codes.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "at least one area code is required"));
            }
        } else {
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                if (!AreaCodes.isValid(code)) {
                    errors.add(new FieldError(field + "[" + i + "]",
                            "must be a county (6), township (9), village (12) or grid (15) digit code"));
                } else if (!caller.scope().covers(code)) {
                    errors.add(new FieldError(field + "[" + i + "]", "lies outside your own scope"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return codes == null ? List.of() : codes.stream().distinct().toList();
    }

    /** Whether a reader sees an account or client with these areas (all of them inside the reader's scope). */
    static boolean sees(Caller caller, List<String> codes) {
        return !codes.isEmpty() && codes.stream().allMatch(caller.scope()::covers);
    }
}
