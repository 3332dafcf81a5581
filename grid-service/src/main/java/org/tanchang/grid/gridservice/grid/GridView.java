package org.tanchang.grid.gridservice.grid;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.tanchang.grid.platform.web.Times;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A grid as the API shows it: the boundary as a GeoJSON object, without the outbox. */
record GridView(
        String code, String name, String countyCode, String townshipCode, String townshipName, String villageCode,
        String villageName, Grid.Officer responsibleOfficer,
        @Schema(description = "GeoJSON Polygon or MultiPolygon (WGS 84); null while the grid has none", type = "object")
        JsonNode boundary,
        boolean active, long version, OffsetDateTime changedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static GridView of(Grid g) {
        return new GridView(g.code, g.name, g.countyCode, g.townshipCode, g.townshipName, g.villageCode, g.villageName,
                g.responsibleOfficer, g.boundaryGeoJson == null ? null : JSON.readTree(g.boundaryGeoJson), g.active,
                g.version, g.changedAt == null ? null : Times.local(g.changedAt));
    }
}
