package org.tanchang.grid.contracts.patrol;

import java.util.List;
import org.tanchang.grid.contracts.GeoPoint;

/**
 * One thing found on a patrol; {@code index} is its position in the report and part of its stable identity.
 * {@code peopleConcerned} are names as the member wrote them (masked by consumers that display them).
 * {@code dispute} is the optional structured part of a {@link FindingKind#DISPUTE} finding (type, risk, parties by
 * name); null on every other kind and when the member gave none.
 *
 * <p>Still schema version 1: fields are only ever added, each addition keeps the earlier constructors, and readers
 * ignore what they do not know, so an event without {@code dispute} (older producers) reads as one with null.
 */
public record PatrolFinding(int index, FindingKind kind, String description, GeoPoint location, List<String> photoUrls,
        List<String> peopleConcerned, FindingDispute dispute) {

    /** A finding without photos or named people (schema v1 as first published). */
    public PatrolFinding(int index, FindingKind kind, String description, GeoPoint location) {
        this(index, kind, description, location, List.of(), List.of(), null);
    }

    /** A finding with photos and named people but no structured dispute part (schema v1 before the dispute part). */
    public PatrolFinding(int index, FindingKind kind, String description, GeoPoint location, List<String> photoUrls,
            List<String> peopleConcerned) {
        this(index, kind, description, location, photoUrls, peopleConcerned, null);
    }
}
