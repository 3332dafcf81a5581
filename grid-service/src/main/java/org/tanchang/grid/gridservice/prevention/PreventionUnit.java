package org.tanchang.grid.gridservice.prevention;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.GeoPoint;

/** A police post or prevention unit on the map, linked to the grid that holds its location. */
@Document("prevention_units")
record PreventionUnit(@Id String id, UnitKind kind, String name, GeoPoint location, @Indexed String gridCode,
        String villageCode, String townshipCode, String contactName, String createdBy, Instant createdAt,
        String updatedBy, Instant updatedAt) {
}
