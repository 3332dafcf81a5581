package org.tanchang.grid.platform.security;

import org.springframework.data.mongodb.core.query.Criteria;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Object-level access in one place, so every service reads and writes by the same rule: staff see and act on what
 * lies in their areas; a citizen sees only what they submitted. Reads add {@link #criteria} to the query itself (a
 * list is filtered by MongoDB, never after loading, and a single object outside scope is simply not found: 404, so
 * its existence does not leak). Writes into an area check {@link #requireArea} first (403: the caller named the
 * area, so nothing leaks by saying no).
 */
public final class Visibility {

    private Visibility() {
    }

    /**
     * The condition a document must meet to be visible to the caller.
     *
     * @param areaField  the document's area code field (a grid, village, township or county code)
     * @param ownerField the field holding the submitting person's subject, or null when citizens own nothing here
     */
    public static Criteria criteria(Caller caller, String areaField, String ownerField) {
        if (caller.isOnlyCitizen()) {
            return ownerField == null ? Criteria.where("_id").in(java.util.List.of())
                    : Criteria.where(ownerField).is(caller.subject());
        }
        Criteria inArea = caller.scope().criteria(areaField);
        if (ownerField == null || !caller.roles().contains(Roles.CITIZEN)) {
            return inArea;
        }
        return new Criteria().orOperator(inArea, Criteria.where(ownerField).is(caller.subject()));
    }

    /** Whether a loaded object is visible; for objects read by id where a query condition is awkward. */
    public static boolean sees(Caller caller, String areaCode, String owner) {
        if (caller.roles().contains(Roles.CITIZEN) && owner != null && owner.equals(caller.subject())) {
            return true;
        }
        return !caller.isOnlyCitizen() && caller.scope().covers(areaCode);
    }

    /** Refuses (403) acting in an area outside the caller's scope. */
    public static void requireArea(Caller caller, String areaCode) {
        if (!caller.scope().covers(areaCode)) {
            throw ProblemException.forbidden("Area " + areaCode + " is outside your area of responsibility");
        }
    }
}
