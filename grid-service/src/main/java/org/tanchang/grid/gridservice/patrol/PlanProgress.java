package org.tanchang.grid.gridservice.patrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.GeoPoint;

/**
 * What a report achieved against the member's open plans of that grid whose window overlaps the patrol: the
 * must-visit points its track passed within their radius, and the share of each planned route it walked.
 */
@Component
class PlanProgress {

    /** Per plan, what this report reached; and the totals that go into the report and its event. */
    record Result(Map<String, Set<String>> reachedByPlan, Map<String, Map<String, Double>> coverageByPlan,
            List<String> checkpointsReached, Double routeCoverage) {

        static final Result NONE = new Result(Map.of(), Map.of(), List.of(), null);
    }

    private final MongoOperations mongo;
    private final PatrolProperties properties;

    PlanProgress(MongoOperations mongo, PatrolProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    Result evaluate(String memberId, String gridCode, Instant start, Instant end, List<GeoPoint> track) {
        Query open = Query.query(Criteria.where("memberId").is(memberId).and("gridCode").is(gridCode)
                .and("closed").is(false).and("windowStart").lte(end).and("windowEnd").gte(start));
        open.fields().exclude("outbox");
        List<PatrolDesign.Plan> plans = mongo.find(open, PatrolDesign.Plan.class);
        if (plans.isEmpty()) {
            return Result.NONE;
        }
        PatrolGeometry walked = track.isEmpty() ? null : new PatrolGeometry(track);
        Map<String, Set<String>> reached = new LinkedHashMap<>();
        Map<String, Map<String, Double>> coverage = new LinkedHashMap<>();
        Set<String> allReached = new LinkedHashSet<>();
        List<Double> shares = new ArrayList<>();
        for (PatrolDesign.Plan plan : plans) {
            Set<String> hits = new LinkedHashSet<>();
            for (PatrolDesign.Point p : mongo.find(Query.query(Criteria.where("_id").in(plan.pointIds)),
                    PatrolDesign.Point.class)) {
                if (walked != null && walked.reached(p.location(), p.radiusMetres())) {
                    hits.add(p.id());
                }
            }
            Map<String, Double> shareByRoute = new LinkedHashMap<>();
            for (PatrolDesign.Route r : mongo.find(Query.query(Criteria.where("_id").in(plan.routeIds)),
                    PatrolDesign.Route.class)) {
                double share = walked == null ? 0 : walked.coverage(r.line(), properties.routeToleranceMetres());
                shareByRoute.put(r.id(), Math.round(share * 1000) / 1000.0);
                shares.add(share);
            }
            reached.put(plan.id, hits);
            coverage.put(plan.id, shareByRoute);
            allReached.addAll(hits);
        }
        Double routeCoverage = shares.isEmpty() ? null
                : Math.round(shares.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 1000) / 1000.0;
        return new Result(reached, coverage, List.copyOf(allReached), routeCoverage);
    }

    /** Adds the report's progress to its plans; repeatable (a set of points, the best share per route). */
    void record(Result result, String reportId) {
        result.reachedByPlan().forEach((planId, hits) -> {
            Update update = new Update().addToSet("reportIds", reportId);
            if (!hits.isEmpty()) {
                update.addToSet("reachedPointIds").each(hits.toArray());
            }
            result.coverageByPlan().getOrDefault(planId, Map.of())
                    .forEach((routeId, share) -> update.max("routeCoverage." + routeId, share));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(planId)), update, PatrolDesign.Plan.class);
        });
    }
}
