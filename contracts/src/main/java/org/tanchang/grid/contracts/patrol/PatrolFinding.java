package org.tanchang.grid.contracts.patrol;

import java.util.List;
import org.tanchang.grid.contracts.GeoPoint;

/** One thing found on a patrol; {@code index} is its position in the report and part of its stable identity.
 * {@code peopleConcerned} are names as the member wrote them (masked by consumers that display them). */
public record PatrolFinding(int index, FindingKind kind, String description, GeoPoint location, List<String> photoUrls,
        List<String> peopleConcerned) {

    /** A finding without photos or named people (schema v1 as first published). */
    public PatrolFinding(int index, FindingKind kind, String description, GeoPoint location) {
        this(index, kind, description, location, List.of(), List.of());
    }
}
