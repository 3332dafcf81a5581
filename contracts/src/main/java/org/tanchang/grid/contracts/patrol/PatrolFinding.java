package org.tanchang.grid.contracts.patrol;

import org.tanchang.grid.contracts.GeoPoint;

/** One thing found on a patrol; {@code index} is its position in the report and part of its stable identity. */
public record PatrolFinding(int index, FindingKind kind, String description, GeoPoint location) {
}
