package org.tanchang.grid.gridservice.grid;

import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.time.Times;

/** The whole current picture of a grid as its GridChanged event (event-carried state). */
final class GridEvents {

    private GridEvents() {
    }

    static OutboxEvent changed(Outbox outbox, Grid g) {
        return outbox.event(GridChanged.TYPE, g.code, picture(g));
    }

    static GridChanged picture(Grid g) {
        return new GridChanged(g.code, g.name, g.villageCode, g.villageName, g.townshipCode, g.townshipName,
                g.countyCode, g.boundaryGeoJson, g.active, g.version, Times.local(g.changedAt));
    }
}
