package org.tanchang.grid.petition.request;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * 一窗通办: any window of the county takes any resident's request (a request or a bundle); the window that took it
 * handles it, and the applicant's home grid is an attribute. Who takes, and who then sees what, in one place for
 * requests and bundles (documents with {@code windowCode}, {@code gridCode}, {@code citizenId} and, for requests,
 * {@code systemClientId}).
 */
public final class Windows {

    private Windows() {
    }

    /**
     * The window that takes a submission for {@code gridCode}: a clerk's or supervisor's own area that holds the
     * grid if one does, else their first area (403 outside the county); a citizen's or another system's submission
     * goes to the home township's window, and a system files only into its own areas.
     */
    public static String take(Caller caller, String gridCode) {
        String home = gridCode == null || gridCode.length() < 9 ? null : gridCode.substring(0, 9);
        if (caller.isOnlyCitizen()) {
            return home;
        }
        if (isOnlySystem(caller)) {
            Visibility.requireArea(caller, gridCode);
            return home;
        }
        List<String> codes = caller.scope().codes();
        if (gridCode == null || codes.stream().noneMatch(c -> gridCode.startsWith(c.substring(0, 6)))) {
            throw ProblemException.forbidden("Grid " + gridCode + " is outside the county your window serves");
        }
        return codes.stream().filter(gridCode::startsWith).findFirst().orElse(codes.get(0));
    }

    /**
     * One document by {@code _id} within what the caller may see: the {@code _id} alone at the top of the query,
     * where every store (MongoDB, the wire server's backends) looks it up by its index; inside an {@code $and} the
     * wire server scanned the whole collection for every read of one request (the window's benchmark profile).
     */
    public static Criteria byId(Object id, Criteria visible) {
        return Criteria.where("_id").is(id).andOperator(visible);
    }

    /**
     * Who sees: the window that handles it (its area covers {@code windowCode}; a document from before windows were
     * recorded belongs to its home township's window); supervisors and admins whose area holds the applicant's home
     * grid, to read (the home area follows its residents' matters, the handling window works them); a citizen what
     * is on their account; another system only what it submitted itself.
     */
    public static Criteria visibleTo(Caller caller) {
        if (caller.isOnlyCitizen()) {
            return Criteria.where("citizenId").is(caller.subject());
        }
        if (isOnlySystem(caller)) {
            return Criteria.where("systemClientId").is(caller.subject());
        }
        List<Criteria> any = new ArrayList<>(handledBy(caller));
        if (caller.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            any.add(caller.scope().criteria("gridCode"));
        }
        if (caller.roles().contains(Roles.CITIZEN)) {
            any.add(Criteria.where("citizenId").is(caller.subject()));
        }
        return new Criteria().orOperator(any);
    }

    /** What the caller's window handles: theirs to act on. */
    public static List<Criteria> handledBy(Caller caller) {
        return List.of(caller.scope().criteria("windowCode"), new Criteria().andOperator(
                Criteria.where("windowCode").is(null), caller.scope().criteria("gridCode")));
    }

    /** Whether the caller may act on what the window {@code windowCode} handles ({@code home}: the home grid). */
    public static boolean handles(Caller caller, String windowCode, String home) {
        return caller.scope().covers(windowCode != null ? windowCode : home);
    }

    /** A system client (client credentials) and nothing else; the auth server makes its subject the client id. */
    public static boolean isOnlySystem(Caller caller) {
        return caller.roles().size() == 1 && caller.roles().contains(Roles.SYSTEM);
    }
}
