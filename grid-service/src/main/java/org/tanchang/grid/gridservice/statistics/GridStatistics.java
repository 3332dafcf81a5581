package org.tanchang.grid.gridservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;

/** Sums the daily documents of a period per grid, of the grids in the caller's areas only. */
@Component
class GridStatistics {

    record GridTotals(String gridCode, String townshipCode, LocalDate from, LocalDate to, long patrolReports,
            Map<String, Long> findings) {
    }

    private final MongoOperations mongo;

    GridStatistics(MongoOperations mongo) {
        this.mongo = mongo;
    }

    List<GridTotals> totals(Caller caller, String gridCode, String townshipCode, LocalDate from, LocalDate to) {
        // one $and: the grid filter and the area condition both name gridCode, and a query holds each key once
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null),
                Criteria.where("day").gte(from.toString()).lte(to.toString())));
        if (gridCode != null) {
            conditions.add(Criteria.where("gridCode").is(gridCode));
        }
        if (townshipCode != null) {
            conditions.add(Criteria.where("townshipCode").is(townshipCode));
        }
        Query query = new Query(new Criteria().andOperator(conditions)).with(Sort.by("gridCode", "day"));
        query.fields().exclude("appliedEventIds");
        Map<String, List<GridDay>> byGrid = mongo.find(query, GridDay.class).stream()
                .collect(Collectors.groupingBy(GridDay::gridCode, TreeMap::new, Collectors.toList()));
        return byGrid.values().stream().map(days -> sum(days, from, to)).toList();
    }

    private static GridTotals sum(List<GridDay> days, LocalDate from, LocalDate to) {
        Map<String, Long> findings = new TreeMap<>();
        long reports = 0;
        for (GridDay day : days) {
            if (day.counts() == null) {
                continue;
            }
            reports += day.counts().getOrDefault(Counters.PATROL_REPORTS, 0.0).longValue();
            day.counts().forEach((counter, n) -> {
                if (counter.startsWith("finding_")) {
                    findings.merge(counter.substring("finding_".length()), n.longValue(), Long::sum);
                }
            });
        }
        GridDay first = days.get(0);
        return new GridTotals(first.gridCode(), first.townshipCode(), from, to, reports, findings);
    }
}
