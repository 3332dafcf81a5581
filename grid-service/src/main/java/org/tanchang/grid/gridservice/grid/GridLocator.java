package org.tanchang.grid.gridservice.grid;

import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.geo.Boundaries;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridIndex;
import org.tanchang.grid.platform.geo.InvalidBoundaryException;

/**
 * Answers "which grid holds this point" from an in-memory R-tree (the MongoDB wire server has no geo operators, and
 * this is the fast way). The index is immutable: a change builds a new one and swaps the reference (copy on write),
 * so lookups never wait for an administrator's edit.
 *
 * <p>Each grid is kept at the newest version seen, whether it came from this instance's own write, from the stored
 * grids at start-up, or from a GridChanged written by another instance ({@link LocatorFeed}); an older or repeated
 * version changes nothing, so the sources may arrive in any order.
 */
@Component
public class GridLocator {

    private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

    private record Known(long version, GridIndex.Entry entry) {
    }

    private final MongoOperations mongo;
    private final Map<String, Known> grids = new ConcurrentHashMap<>();
    private volatile GridIndex index = GridIndex.of(List.of());

    GridLocator(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<GridArea> locate(double longitude, double latitude) {
        return index.locate(longitude, latitude);
    }

    /**
     * Takes in every stored grid that is newer than what the index holds: once before the topic listener starts (so
     * its replay of the topic's history meets mostly known versions and rebuilds nothing), and again when ready.
     */
    @PostConstruct
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void refresh() {
        boolean changed = false;
        for (Grid g : mongo.findAll(Grid.class)) {
            changed |= take(g.code, g.version, entry(g.active, g.boundaryGeoJson, new GridArea(g.code, g.name,
                    g.villageCode, g.villageName, g.townshipCode, g.townshipName)));
        }
        if (changed) {
            rebuild();
        }
    }

    /** Applies one grid's current picture; false (nothing done) for a version the index already has. */
    public synchronized boolean apply(GridChanged g) {
        boolean changed = take(g.gridCode(), g.version(), entry(g.active(), g.boundaryGeoJson(), new GridArea(
                g.gridCode(), g.gridName(), g.villageCode(), g.villageName(), g.townshipCode(), g.townshipName())));
        if (changed) {
            rebuild();
        }
        return changed;
    }

    private boolean take(String code, long version, GridIndex.Entry entry) {
        Known known = grids.get(code);
        if (known != null && known.version() >= version) {
            return false;
        }
        grids.put(code, new Known(version, entry));
        return true;
    }

    /** Null (not locatable) for a retired grid or one without a usable boundary. */
    private static GridIndex.Entry entry(boolean active, String boundaryGeoJson, GridArea area) {
        if (!active || boundaryGeoJson == null) {
            return null;
        }
        try {
            Geometry boundary = Boundaries.parse(boundaryGeoJson);
            return new GridIndex.Entry(area, boundary);
        } catch (InvalidBoundaryException e) {
            log.warn("grid {} has an invalid boundary and cannot be located: {}", area.gridCode(), e.getMessage());
            return null;
        }
    }

    private void rebuild() {
        List<GridIndex.Entry> entries = new ArrayList<>();
        grids.values().stream().map(Known::entry).filter(e -> e != null).forEach(entries::add);
        index = GridIndex.of(entries);
    }
}
