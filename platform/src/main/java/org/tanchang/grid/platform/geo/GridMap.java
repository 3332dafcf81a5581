package org.tanchang.grid.platform.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.tanchang.grid.contracts.grid.GridChanged;

/**
 * A service's local copy of the county's grids and their boundaries, kept from grid-service's {@code GridChanged}
 * events (so assigning a report to a grid never needs a call to grid-service), stored in this service's own
 * {@value #COLLECTION} collection so it survives a restart, and answered from an in-memory {@link GridIndex}. The
 * MongoDB wire server has no geo operators, and an in-memory R-tree is also the fast way.
 *
 * <p>An event older than the stored version of its grid is ignored, so a redelivery or a replay changes nothing.
 */
public class GridMap {

    static final String COLLECTION = "grid_map";
    private static final Logger log = LoggerFactory.getLogger(GridMap.class);

    private final MongoOperations mongo;
    private final Map<String, GridChanged> grids = new ConcurrentHashMap<>();
    private volatile GridIndex index = GridIndex.of(List.of());

    public GridMap(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** Loads the stored copy; called once the service is up. */
    public synchronized void load() {
        for (Document stored : mongo.findAll(Document.class, COLLECTION)) {
            GridChanged grid = fromDocument(stored);
            grids.put(grid.gridCode(), grid);
        }
        rebuild();
        log.info("grid map loaded with {} grids ({} with boundaries)", grids.size(), index.size());
    }

    /** Applies one event; returns whether it changed the map (false for an older or repeated version). */
    public synchronized boolean apply(GridChanged change) {
        GridChanged known = grids.get(change.gridCode());
        if (known != null && known.version() >= change.version()) {
            return false;
        }
        mongo.save(toDocument(change), COLLECTION);
        grids.put(change.gridCode(), change);
        rebuild();
        return true;
    }

    /** The active grid holding the point, or empty outside every grid. */
    public Optional<GridArea> locate(double longitude, double latitude) {
        return index.locate(longitude, latitude);
    }

    /** An active grid by code. */
    public Optional<GridArea> grid(String gridCode) {
        return Optional.ofNullable(grids.get(gridCode)).filter(GridChanged::active).map(GridMap::area);
    }

    public int size() {
        return grids.size();
    }

    private void rebuild() {
        List<GridIndex.Entry> entries = new ArrayList<>();
        for (GridChanged grid : grids.values()) {
            if (!grid.active() || grid.boundaryGeoJson() == null) {
                continue;
            }
            try {
                Geometry boundary = Boundaries.parse(grid.boundaryGeoJson());
                entries.add(new GridIndex.Entry(area(grid), boundary));
            } catch (InvalidBoundaryException e) {
                log.warn("grid {} has an invalid boundary and cannot be located: {}", grid.gridCode(), e.getMessage());
            }
        }
        index = GridIndex.of(entries);
    }

    private static GridArea area(GridChanged grid) {
        return new GridArea(grid.gridCode(), grid.gridName(), grid.villageCode(), grid.villageName(),
                grid.townshipCode(), grid.townshipName());
    }

    private static Document toDocument(GridChanged grid) {
        return new Document("_id", grid.gridCode()).append("gridName", grid.gridName())
                .append("villageCode", grid.villageCode()).append("villageName", grid.villageName())
                .append("townshipCode", grid.townshipCode()).append("townshipName", grid.townshipName())
                .append("countyCode", grid.countyCode()).append("boundaryGeoJson", grid.boundaryGeoJson())
                .append("active", grid.active()).append("version", grid.version())
                .append("changedAt", grid.changedAt() == null ? null : grid.changedAt().toString());
    }

    private static GridChanged fromDocument(Document d) {
        String changedAt = d.getString("changedAt");
        return new GridChanged(d.getString("_id"), d.getString("gridName"), d.getString("villageCode"),
                d.getString("villageName"), d.getString("townshipCode"), d.getString("townshipName"),
                d.getString("countyCode"), d.getString("boundaryGeoJson"), Boolean.TRUE.equals(d.getBoolean("active")),
                ((Number) d.get("version")).longValue(),
                changedAt == null ? null : java.time.OffsetDateTime.parse(changedAt));
    }
}
