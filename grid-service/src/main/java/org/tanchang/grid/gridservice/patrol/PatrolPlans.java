package org.tanchang.grid.gridservice.patrol;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.gridservice.grid.GridLocator;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** Must-visit points, must-patrol routes and plans: defined within the caller's area, read within it. */
@Service
class PatrolPlans {

    private final MongoOperations mongo;
    private final GridLocator locator;
    private final PatrolProperties properties;
    private final Clock clock;

    PatrolPlans(MongoOperations mongo, GridLocator locator, PatrolProperties properties, Clock clock) {
        this.mongo = mongo;
        this.locator = locator;
        this.properties = properties;
        this.clock = clock;
    }

    PatrolDesign.Point createPoint(Caller caller, PatrolDesignRequests.CreatePoint r) {
        Visibility.requireArea(caller, r.gridCode());
        GeoPoint at = new GeoPoint(r.location().longitude(), r.location().latitude());
        requireInGrid(r.gridCode(), List.of(at));
        PatrolDesign.Point point = new PatrolDesign.Point("pp-" + UUID.randomUUID(), r.gridCode(), r.name(), at,
                r.radiusMetres() == null ? properties.defaultRadiusMetres() : r.radiusMetres(),
                r.keyPeriods() == null ? List.of() : r.keyPeriods(), caller.subject(), clock.instant());
        return mongo.insert(point);
    }

    /** Changes a point of the caller's area in place: same id and grid, so the plans naming it stay valid. */
    PatrolDesign.Point updatePoint(Caller caller, String id, PatrolDesignRequests.UpdatePoint r) {
        PatrolDesign.Point known = inScope(caller, id, PatrolDesign.Point.class, "Patrol point");
        GeoPoint at = new GeoPoint(r.location().longitude(), r.location().latitude());
        requireInGrid(known.gridCode(), List.of(at));
        return mongo.save(new PatrolDesign.Point(id, known.gridCode(), r.name(), at,
                r.radiusMetres() == null ? properties.defaultRadiusMetres() : r.radiusMetres(),
                r.keyPeriods() == null ? List.of() : r.keyPeriods(), known.createdBy(), known.createdAt()));
    }

    /** Changes a route of the caller's area in place: same id and grid, so the plans naming it stay valid. */
    PatrolDesign.Route updateRoute(Caller caller, String id, PatrolDesignRequests.UpdateRoute r) {
        PatrolDesign.Route known = inScope(caller, id, PatrolDesign.Route.class, "Patrol route");
        List<GeoPoint> line = r.line().stream().map(p -> new GeoPoint(p.longitude(), p.latitude())).toList();
        double length = requireLength(line);
        requireInGrid(known.gridCode(), List.of(line.get(0)));
        return mongo.save(new PatrolDesign.Route(id, known.gridCode(), r.name(), line, Math.round(length * 10) / 10.0,
                r.keyPeriods() == null ? List.of() : r.keyPeriods(), known.createdBy(), known.createdAt()));
    }

    private <D> D inScope(Caller caller, String id, Class<D> type, String what) {
        D found = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null))), type);
        if (found == null) {
            throw ProblemException.notFound(what, id);
        }
        return found;
    }

    private static double requireLength(List<GeoPoint> line) {
        double length = new PatrolGeometry(line).trackLength();
        if (length < 1) {
            throw ProblemException.invalid(List.of(new FieldError("line",
                    "a route must be at least one metre long")));
        }
        return length;
    }

    PatrolDesign.Route createRoute(Caller caller, PatrolDesignRequests.CreateRoute r) {
        Visibility.requireArea(caller, r.gridCode());
        List<GeoPoint> line = r.line().stream().map(p -> new GeoPoint(p.longitude(), p.latitude())).toList();
        double length = requireLength(line);
        requireInGrid(r.gridCode(), List.of(line.get(0)));
        PatrolDesign.Route route = new PatrolDesign.Route("prt-" + UUID.randomUUID(), r.gridCode(), r.name(), line,
                Math.round(length * 10) / 10.0, r.keyPeriods() == null ? List.of() : r.keyPeriods(),
                caller.subject(), clock.instant());
        return mongo.insert(route);
    }

    PatrolDesign.Plan createPlan(Caller caller, PatrolDesignRequests.CreatePlan r) {
        Visibility.requireArea(caller, r.gridCode());
        Set<String> points = new LinkedHashSet<>(r.points());
        Set<String> routes = new LinkedHashSet<>(r.routes());
        long knownPoints = mongo.count(Query.query(Criteria.where("_id").in(points).and("gridCode").is(r.gridCode())),
                PatrolDesign.Point.class);
        long knownRoutes = mongo.count(Query.query(Criteria.where("_id").in(routes).and("gridCode").is(r.gridCode())),
                PatrolDesign.Route.class);
        if (knownPoints != points.size() || knownRoutes != routes.size()) {
            throw ProblemException.unprocessable("unknown-design", "Unknown point or route", "Every point and route "
                    + "of a plan must exist in grid " + r.gridCode());
        }
        PatrolDesign.Plan plan = new PatrolDesign.Plan();
        plan.id = "ppl-" + UUID.randomUUID();
        plan.gridCode = r.gridCode();
        plan.memberId = r.memberId();
        plan.windowStart = r.windowStart().toInstant();
        plan.windowEnd = r.windowEnd().toInstant();
        plan.pointIds = new ArrayList<>(points);
        plan.routeIds = new ArrayList<>(routes);
        plan.createdBy = caller.subject();
        plan.createdAt = clock.instant();
        return mongo.insert(plan);
    }

    <D, V> Page<V> list(Caller caller, Class<D> type, String gridCode, String memberId, int page, int size,
            Function<D, V> view) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null)));
        if (gridCode != null) {
            conditions.add(Criteria.where("gridCode").is(gridCode));
        }
        if (memberId != null) {
            conditions.add(Criteria.where("memberId").is(memberId));
        }
        Query query = Query.query(new Criteria().andOperator(conditions));
        query.fields().exclude("outbox");
        return Page.query(mongo, query, type, Sort.by(Sort.Order.desc("createdAt")), page, size, view);
    }

    PatrolDesign.Plan plan(Caller caller, String id) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null)));
        PatrolDesign.Plan plan = mongo.findOne(query, PatrolDesign.Plan.class);
        if (plan == null) {
            throw ProblemException.notFound("Patrol plan", id);
        }
        return plan;
    }

    /** A point or route must lie in the grid it is designed for, or a patrol of that grid could never reach it. */
    private void requireInGrid(String gridCode, List<GeoPoint> positions) {
        for (GeoPoint p : positions) {
            String found = locator.locate(p.longitude(), p.latitude()).map(GridArea::gridCode).orElse(null);
            if (!gridCode.equals(found)) {
                throw ProblemException.unprocessable("outside-grid", "Outside the grid", "Position " + p.longitude()
                        + "," + p.latitude() + " is not in grid " + gridCode
                        + (found == null ? "" : " but in " + found));
            }
        }
    }

    Instant now() {
        return clock.instant();
    }
}
