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

    /** Per grid: patrols and their findings, and the talks held with their attendance (宣讲 and 听众). */
    record GridTotals(String gridCode, String townshipCode, LocalDate from, LocalDate to, long patrolReports,
            Map<String, Long> findings, long publicityTalks, long publicityAttendance) {

        /** Without talks (a grid with nothing counted yet). */
        GridTotals(String gridCode, String townshipCode, LocalDate from, LocalDate to, long patrolReports,
                Map<String, Long> findings) {
            this(gridCode, townshipCode, from, to, patrolReports, findings, 0, 0);
        }
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
        long talks = 0;
        long attendance = 0;
        for (GridDay day : days) {
            if (day.counts() == null) {
                continue;
            }
            reports += day.counts().getOrDefault(Counters.PATROL_REPORTS, 0.0).longValue();
            talks += day.counts().getOrDefault(Counters.PUBLICITY_TALKS, 0.0).longValue();
            attendance += day.counts().getOrDefault(Counters.PUBLICITY_ATTENDANCE, 0.0).longValue();
            day.counts().forEach((counter, n) -> {
                if (counter.startsWith("finding_")) {
                    findings.merge(counter.substring("finding_".length()), n.longValue(), Long::sum);
                }
            });
        }
        GridDay first = days.get(0);
        return new GridTotals(first.gridCode(), first.townshipCode(), from, to, reports, findings, talks,
                attendance);
    }
}
