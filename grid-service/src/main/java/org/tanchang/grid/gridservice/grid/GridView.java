package org.tanchang.grid.gridservice.grid;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A grid as the API shows it: the boundary as a GeoJSON object, without the outbox. */
@Schema(description = "A governance grid (网格) with its boundary and responsible officer", requiredProperties = {
        "code", "name", "countyCode", "townshipCode", "villageCode", "active", "version"})
record GridView(
        String code, String name, String countyCode, String townshipCode, String townshipName, String villageCode,
        String villageName, Grid.Officer responsibleOfficer,
        // an object both ways (GeoJsonBoundary is the platform's Polygon-or-MultiPolygon schema), never a string;
        // left out rather than null when there is none, because openapi-generator's Java client refuses a null
        // for a oneOf type ("GeoJsonBoundary cannot be null") and the whole grid read would fail
        @Schema(description = "GeoJSON Polygon or MultiPolygon (WGS 84); absent while the grid has none",
                ref = GridRequests.BOUNDARY_SCHEMA) @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode boundary,
        boolean active, long version, OffsetDateTime changedAt) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static GridView of(Grid g) {
        return new GridView(g.code, g.name, g.countyCode, g.townshipCode, g.townshipName, g.villageCode, g.villageName,
                g.responsibleOfficer, g.boundaryGeoJson == null ? null : JSON.readTree(g.boundaryGeoJson), g.active,
                g.version, g.changedAt == null ? null : Times.local(g.changedAt));
    }
}
