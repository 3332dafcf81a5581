package org.tanchang.grid.gridservice.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.geo.Boundaries;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridIndex;

/**
 * Answers "which grid holds this point" from an in-memory R-tree (the MongoDB wire server has no geo operators, and
 * this is the fast way). The index is immutable: a change builds a new one and swaps the reference (copy on write),
 * so lookups never wait for an administrator's edit.
 */
@Component
public class GridLocator {

    private final MongoOperations mongo;
    private volatile GridIndex index = GridIndex.of(List.of());

    GridLocator(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public Optional<GridArea> locate(double longitude, double latitude) {
        return index.locate(longitude, latitude);
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void refresh() {
        Query active = Query.query(Criteria.where("active").is(true).and("boundaryGeoJson").ne(null));
        active.fields().exclude("outbox");
        List<GridIndex.Entry> entries = new ArrayList<>();
        for (Grid g : mongo.find(active, Grid.class)) {
            entries.add(new GridIndex.Entry(new GridArea(g.code, g.name, g.villageCode, g.villageName, g.townshipCode,
                    g.townshipName), Boundaries.parse(g.boundaryGeoJson)));
        }
        index = GridIndex.of(entries);
    }
}
