package org.tanchang.grid.gridservice.statistics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.gridservice.area.AreaDirectory;
import org.tanchang.grid.gridservice.grid.GridDirectory;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Sums the grid days under an area (a prefix of the grid code: county, township, village or grid) for a period and
 * the period before it. Summing days at read time keeps one read model for every level and period.
 */
@Component
class AreaStatistics {

    private final MongoOperations mongo;
    private final AreaDirectory areas;
    private final GridDirectory grids;

    AreaStatistics(MongoOperations mongo, AreaDirectory areas, GridDirectory grids) {
        this.mongo = mongo;
        this.areas = areas;
        this.grids = grids;
    }

    AreaFigures figures(Caller caller, String areaCode, Period period, LocalDate on, StatisticsStore store) {
        boolean exists = areaCode.length() == 15 ? grids.find(areaCode).isPresent() : areas.find(areaCode).isPresent();
        if (!exists || !Visibility.sees(caller, areaCode, null)) {
            throw ProblemException.notFound("Area", areaCode);
        }
        LocalDate from = period.start(on);
        LocalDate to = period.end(on);
        Map<String, Map<String, Double>> children = new TreeMap<>();
        Map<String, Double> counts = sum(areaCode, from, to, store, children);
        LocalDate before = period.previous(on);
        Map<String, Double> previous = sum(areaCode, period.start(before), period.end(before), store, null);
        Map<String, AreaFigures.Trend> trends = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>(counts.keySet());
        names.addAll(previous.keySet());
        for (String name : names) {
            trends.put(name, AreaFigures.Trend.of(counts.getOrDefault(name, 0.0), previous.getOrDefault(name, 0.0)));
        }
        return new AreaFigures(areaCode, period, from, to, counts, derived(counts),
                new AreaFigures.Totals(period.start(before), period.end(before), previous), trends, children);
    }

    private Map<String, Double> sum(String areaCode, LocalDate from, LocalDate to, StatisticsStore store,
            Map<String, Map<String, Double>> children) {
        Query query = Query.query(new Criteria().andOperator(Criteria.where("gridCode").regex("^" + areaCode),
                Criteria.where("day").gte(from.toString()).lte(to.toString())));
        query.fields().exclude("appliedEventIds");
        Map<String, Double> total = new TreeMap<>();
        for (GridDay day : mongo.find(query, GridDay.class, store.gridDays())) {
            if (day.counts() == null) {
                continue;
            }
            day.counts().forEach((k, v) -> total.merge(k, v, Double::sum));
            if (children != null && areaCode.length() < 15) {
                Map<String, Double> child = children.computeIfAbsent(
                        day.gridCode().substring(0, areaCode.length() + 3), c -> new TreeMap<>());
                day.counts().forEach((k, v) -> child.merge(k, v, Double::sum));
            }
        }
        return total;
    }

    private static Map<String, Double> derived(Map<String, Double> c) {
        Map<String, Double> derived = new TreeMap<>();
        ratio(derived, "averageRouteCoverage", c.get(Counters.ROUTE_COVERAGE_SUM), c.get(Counters.ROUTE_COVERAGE_REPORTS));
        ratio(derived, "satisfactionRate", c.get(Counters.FOLLOW_UP_SATISFIED), c.get(Counters.FOLLOW_UP_VISITS));
        ratio(derived, "averageRating", c.get(Counters.RATING_SCORE_SUM), c.get(Counters.RATINGS));
        return derived;
    }

    private static void ratio(Map<String, Double> into, String name, Double part, Double whole) {
        if (part != null && whole != null && whole > 0) {
            into.put(name, Math.round(part / whole * 1000) / 1000.0);
        }
    }

    /** For tests and the rebuild check: every grid day of a store, by id. */
    List<GridDay> allDays(StatisticsStore store, String gridPrefix) {
        Query query = Query.query(Criteria.where("gridCode").regex("^" + gridPrefix));
        query.fields().exclude("appliedEventIds");
        return mongo.find(query, GridDay.class, store.gridDays());
    }
}
