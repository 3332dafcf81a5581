package org.tanchang.grid.contracts.grid;

import java.time.LocalDate;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * Somebody took up or left a post for an area: a grid (15 digits), village (12), township (9) or the county (6).
 * {@code validTo} null means still in post. The same {@code assignmentId} with a later version replaces the earlier
 * picture (for example when the post ends). Keyed by area code.
 *
 * @param personId the person's user name at the auth server, so notifications reach them when they sign in
 */
public record RosterAssignmentChanged(
        String assignmentId,
        String areaCode,
        RosterRole role,
        String personId,
        String personName,
        LocalDate validFrom,
        LocalDate validTo,
        long version) {

    public static final EventType<RosterAssignmentChanged> TYPE =
            new EventType<>("RosterAssignmentChanged", Topics.ROSTER, 1, RosterAssignmentChanged.class);
}
