package org.tanchang.grid.gridservice.patrol;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.time.Times;

/** Patrol design as the API shows it. */
final class PatrolDesignViews {

    private PatrolDesignViews() {
    }

    record PointView(String id, String gridCode, String name, GeoPoint location, double radiusMetres,
            List<String> keyPeriods, String createdBy, OffsetDateTime createdAt) {
        static PointView of(PatrolDesign.Point p) {
            return new PointView(p.id(), p.gridCode(), p.name(), p.location(), p.radiusMetres(), p.keyPeriods(),
                    p.createdBy(), Times.local(p.createdAt()));
        }
    }

    record RouteView(String id, String gridCode, String name, List<GeoPoint> line, double lengthMetres,
            List<String> keyPeriods, String createdBy, OffsetDateTime createdAt) {
        static RouteView of(PatrolDesign.Route r) {
            return new RouteView(r.id(), r.gridCode(), r.name(), r.line(), r.lengthMetres(), r.keyPeriods(),
                    r.createdBy(), Times.local(r.createdAt()));
        }
    }

    record PlanView(String id, String gridCode, String memberId, OffsetDateTime windowStart, OffsetDateTime windowEnd,
            List<String> pointIds, List<String> routeIds, List<String> reachedPointIds,
            Map<String, Double> routeCoverage, List<String> reportIds, boolean closed, List<String> missedPointIds) {
        static PlanView of(PatrolDesign.Plan p) {
            return new PlanView(p.id, p.gridCode, p.memberId, Times.local(p.windowStart), Times.local(p.windowEnd),
                    p.pointIds, p.routeIds, List.copyOf(p.reachedPointIds), p.routeCoverage, p.reportIds, p.closed,
                    p.missedPointIds);
        }
    }
}
