package org.tanchang.grid.gridservice.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.Map;

/** What the command centre sees for an area and a period, with the period before it for trends. */
record AreaFigures(
        String areaCode,
        Period period,
        LocalDate from,
        LocalDate to,
        @Schema(description = "Counters of the period (patrolReports, finding_DISPUTE, checkpointsMissed, "
                + "disputesOpened, disputesResolved, disputesFulfilled, disputesClosed, dispute_<state>, "
                + "incidentsOpened, incidentsResolved, incidentsClosed, incident_<state>, followUpVisits, "
                + "requestsSubmitted, requestsCompleted, requestsRefused, requestsClosed, request_<state>, "
                + "deadline_RED, ratings, ...). The outcome counters are net: a reopened case takes its count back.")
        Map<String, Double> counts,
        @Schema(description = "Ratios: averageRouteCoverage, satisfactionRate (follow-up visits), averageRating")
        Map<String, Double> derived,
        Totals previous,
        @Schema(description = "Per counter: this period against the previous one")
        Map<String, Trend> trends,
        @Schema(description = "The same counters per child area (township → villages, village → grids)")
        Map<String, Map<String, Double>> children) {

    record Totals(LocalDate from, LocalDate to, Map<String, Double> counts) {
    }

    enum Direction { UP, DOWN, FLAT }

    record Trend(double current, double previous, double change, Direction direction) {

        static Trend of(double current, double previous) {
            double change = current - previous;
            return new Trend(current, previous, change,
                    change > 0 ? Direction.UP : change < 0 ? Direction.DOWN : Direction.FLAT);
        }
    }
}
