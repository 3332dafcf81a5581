package org.tanchang.grid.cases.incident;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.security.AreaScope;

/**
 * Places an incident: in the grid that was named, else in the grid whose boundary holds its location (from the local
 * {@link GridMap}, kept current by grid-service's GridChanged events, so no call to grid-service is needed), else in
 * its township's queue for a manual dispatch (no grid). Area codes nest, so a grid code's first 12 and 9 digits are
 * its village and township even before the map knows the grid.
 */
@Component
class GridPlacement {

    private final GridMap map;

    GridPlacement(GridMap map) {
        this.map = map;
    }

    Incident.Placement inGrid(String gridCode) {
        return map.grid(gridCode).map(GridPlacement::of)
                .orElseGet(() -> new Incident.Placement(gridCode, gridCode.substring(0, 12), gridCode.substring(0, 9)));
    }

    Optional<Incident.Placement> located(GeoPoint location) {
        return location == null ? Optional.empty()
                : map.locate(location.longitude(), location.latitude()).map(GridPlacement::of);
    }

    /** The grid named, else located, else the township's queue ({@code townshipCode} may be null: unknown). */
    Incident.Placement place(String gridCode, GeoPoint location, String townshipCode) {
        if (gridCode != null) {
            return inGrid(gridCode);
        }
        return located(location).orElseGet(() -> new Incident.Placement(null, null, townshipCode));
    }

    /** The one township a desk's scope lies in (its codes all inside it), else null: it must be named. */
    static String townshipOf(AreaScope scope) {
        if (scope.isEmpty() || scope.codes().stream().anyMatch(code -> code.length() < 9)) {
            return null;
        }
        List<String> townships = scope.codes().stream().map(code -> code.substring(0, 9)).distinct().toList();
        return townships.size() == 1 ? townships.get(0) : null;
    }

    private static Incident.Placement of(GridArea area) {
        return new Incident.Placement(area.gridCode(), area.villageCode(), area.townshipCode());
    }
}
