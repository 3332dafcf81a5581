package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.tanchang.grid.contracts.GeoPoint;

/** A position in requests and responses; boxed so that a missing coordinate is an error, not 0. */
@Schema(name = "Location", description = "A WGS 84 position")
record Location(
        @Schema(example = "104.3948") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Schema(example = "34.0472") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {

    static Location of(GeoPoint point) {
        return point == null ? null : new Location(point.longitude(), point.latitude());
    }

    GeoPoint toGeoPoint() {
        return new GeoPoint(longitude, latitude);
    }
}
