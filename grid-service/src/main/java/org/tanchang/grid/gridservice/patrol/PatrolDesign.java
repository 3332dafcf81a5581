package org.tanchang.grid.gridservice.patrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/** The stored documents of patrol design: must-visit points, must-patrol routes and plans. */
final class PatrolDesign {

    private PatrolDesign() {
    }

    /** A must-visit point (必到点): reached when a patrol's track passes within its radius. */
    @Document("patrol_points")
    record Point(@Id String id, @Indexed String gridCode, String name, GeoPoint location, double radiusMetres,
            List<String> keyPeriods, String createdBy, Instant createdAt) {
    }

    /** A must-patrol route (必巡线): a line, covered to the share of its length walked within the tolerance. */
    @Document("patrol_routes")
    record Route(@Id String id, @Indexed String gridCode, String name, List<GeoPoint> line, double lengthMetres,
            List<String> keyPeriods, String createdBy, Instant createdAt) {
    }

    /**
     * A member's plan for a window: the points and routes to cover. Reports in the window record what they reached;
     * once the window has closed the sweep publishes CheckpointMissed for what was not, exactly once ({@code closed}).
     */
    @Document("patrol_plans")
    static class Plan {
        @Id
        String id;
        @Indexed
        String gridCode;
        String memberId;
        Instant windowStart;
        Instant windowEnd;
        List<String> pointIds = new ArrayList<>();
        List<String> routeIds = new ArrayList<>();
        Set<String> reachedPointIds = new LinkedHashSet<>();
        /** Best share covered so far per route id. */
        Map<String, Double> routeCoverage = new LinkedHashMap<>();
        List<String> reportIds = new ArrayList<>();
        boolean closed;
        List<String> missedPointIds = new ArrayList<>();
        String createdBy;
        Instant createdAt;
        List<OutboxEvent> outbox = new ArrayList<>();
    }
}
