package org.tanchang.grid.gridservice.prevention;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.time.Times;

/** A unit as the API shows it (times in county time). */
record PreventionUnitView(String id, UnitKind kind, String name, GeoPoint location, String gridCode,
        String villageCode, String townshipCode, String contactName, String createdBy, OffsetDateTime createdAt) {

    static PreventionUnitView of(PreventionUnit u) {
        return new PreventionUnitView(u.id(), u.kind(), u.name(), u.location(), u.gridCode(), u.villageCode(),
                u.townshipCode(), u.contactName(), u.createdBy(), Times.local(u.createdAt()));
    }
}
