package org.tanchang.grid.contracts.grid;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A grid was defined, renamed, re-bounded or retired. Event-carried state: the whole current picture of the grid,
 * so a consumer keeps a local copy (and its own spatial index) by replacing what it had for {@code gridCode} when
 * {@code version} is newer. Keyed by grid code.
 *
 * @param boundaryGeoJson a GeoJSON Polygon or MultiPolygon in WGS 84, as text; null while a grid has no boundary
 * @param active          false once the grid is retired; consumers stop assigning to it
 * @param version         rises with every change of this grid
 */
public record GridChanged(
        String gridCode,
        String gridName,
        String villageCode,
        String villageName,
        String townshipCode,
        String townshipName,
        String countyCode,
        String boundaryGeoJson,
        boolean active,
        long version,
        OffsetDateTime changedAt) {

    public static final EventType<GridChanged> TYPE =
            new EventType<>("GridChanged", Topics.GRIDS, 1, GridChanged.class);
}
