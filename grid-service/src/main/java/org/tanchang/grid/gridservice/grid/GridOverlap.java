package org.tanchang.grid.gridservice.grid;

import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.geo.Boundaries;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Refuses a boundary that overlaps a sibling grid (same village) by more than the configured share of the smaller
 * of the two. The share is a ratio of areas, so degrees need no projection: the distortion cancels out locally.
 */
@Component
class GridOverlap {

    private final MongoOperations mongo;
    private final GridProperties properties;

    GridOverlap(MongoOperations mongo, GridProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    void requireNone(String gridCode, String villageCode, Geometry boundary) {
        Query siblings = Query.query(Criteria.where("villageCode").is(villageCode).and("active").is(true));
        siblings.fields().include("_id", "name", "boundaryGeoJson");
        for (Grid sibling : mongo.find(siblings, Grid.class)) {
            if (sibling.code.equals(gridCode) || sibling.boundaryGeoJson == null) {
                continue;
            }
            Geometry other = Boundaries.parse(sibling.boundaryGeoJson);
            if (!other.getEnvelopeInternal().intersects(boundary.getEnvelopeInternal())) {
                continue;
            }
            double share = other.intersection(boundary).getArea() / Math.min(other.getArea(), boundary.getArea());
            if (share > properties.overlapTolerance()) {
                throw ProblemException.conflict(String.format("The boundary overlaps grid %s (%s) by %.1f%% of the "
                        + "smaller grid; at most %.1f%% is tolerated", sibling.code, sibling.name, share * 100,
                        properties.overlapTolerance() * 100), Map.of("overlappingGrid", sibling.code));
            }
        }
    }
}
