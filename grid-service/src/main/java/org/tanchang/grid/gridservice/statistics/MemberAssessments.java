package org.tanchang.grid.gridservice.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;

/** Per-member figures of a period with their weighted score, for the members who worked in the caller's areas. */
@Component
class MemberAssessments {

    record Assessment(String memberId, Map<String, Double> counts, double score) {
    }

    private final MongoOperations mongo;
    private final AssessmentProperties properties;

    MemberAssessments(MongoOperations mongo, AssessmentProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    List<Assessment> assess(Caller caller, String gridCode, LocalDate from, LocalDate to) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null),
                Criteria.where("day").gte(from.toString()).lte(to.toString())));
        if (gridCode != null) {
            conditions.add(Criteria.where("gridCode").is(gridCode));
        }
        Query query = Query.query(new Criteria().andOperator(conditions));
        query.fields().exclude("appliedEventIds");
        Map<String, Map<String, Double>> byMember = new TreeMap<>();
        for (Document day : mongo.find(query, Document.class, StatisticsStore.LIVE.memberDays())) {
            Map<String, Double> counts = byMember.computeIfAbsent(day.getString("memberId"), m -> new TreeMap<>());
            Document dayCounts = day.get("counts", Document.class);
            if (dayCounts != null) {
                dayCounts.forEach((k, v) -> counts.merge(k, ((Number) v).doubleValue(), Double::sum));
            }
        }
        return byMember.entrySet().stream().map(e -> new Assessment(e.getKey(), e.getValue(), score(e.getValue())))
                .sorted(Comparator.comparingDouble(Assessment::score).reversed()
                        .thenComparing(Assessment::memberId)).toList();
    }

    private double score(Map<String, Double> counts) {
        double score = 0;
        for (var weight : properties.weights().entrySet()) {
            score += weight.getValue() * counts.getOrDefault(weight.getKey(), 0.0);
        }
        return Math.round(score * 100) / 100.0;
    }
}
