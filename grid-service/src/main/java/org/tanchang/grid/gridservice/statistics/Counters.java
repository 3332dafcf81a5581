package org.tanchang.grid.gridservice.statistics;

import java.util.Locale;

/**
 * The names of the counters in the read models. Workflow states come from other services' events, so they are
 * reduced to a safe key (letters, digits, underscore) before they become a field name.
 */
final class Counters {

    static final String PATROL_REPORTS = "patrolReports";
    static final String CHECKPOINTS_REACHED = "checkpointsReached";
    static final String CHECKPOINTS_MISSED = "checkpointsMissed";
    static final String ROUTE_COVERAGE_SUM = "routeCoverageSum";
    static final String ROUTE_COVERAGE_REPORTS = "routeCoverageReports";
    static final String INCIDENTS_OPENED = "incidentsOpened";
    static final String DISPUTES_OPENED = "disputesOpened";
    static final String FOLLOW_UP_VISITS = "followUpVisits";
    static final String FOLLOW_UP_SATISFIED = "followUpSatisfied";
    static final String FOLLOW_UP_HAZARD_REMAINS = "followUpHazardRemains";
    static final String REQUESTS_SUBMITTED = "requestsSubmitted";
    static final String RATINGS = "ratings";
    static final String RATING_SCORE_SUM = "ratingScoreSum";
    static final String PUBLICITY_TALKS = "publicityTalks";
    static final String PUBLICITY_ATTENDANCE = "publicityAttendance";
    static final String SENTIMENTS = "sentiments";
    static final String RISK_WARNINGS_RAISED = "riskWarningsRaised";
    /** Care visits (结对关爱): every visit made, those due (made on time or missed), on time, missed, to follow up. */
    static final String CARE_VISITS_DONE = "careVisitsDone";
    static final String CARE_VISITS_DUE = "careVisitsDue";
    static final String CARE_VISITS_ON_TIME = "careVisitsOnTime";
    static final String CARE_VISITS_MISSED = "careVisitsMissed";
    static final String CARE_VISITS_FOLLOW_UP = "careVisitsFollowUp";
    /** Hazards (安全隐患): opened, closed by a re-inspection that found them removed, overdue, escalated. */
    static final String HAZARDS_OPENED = "hazardsOpened";
    static final String HAZARDS_CLOSED = "hazardsClosed";
    static final String HAZARDS_OVERDUE = "hazardsOverdue";
    static final String HAZARDS_ESCALATED = "hazardsEscalated";
    static final String COMMENDATIONS = "commendations";

    private Counters() {
    }

    static String finding(String kind) {
        return "finding_" + key(kind);
    }

    static String incident(String toState) {
        return "incident_" + key(toState);
    }

    static String dispute(String toState) {
        return "dispute_" + key(toState);
    }

    /** Disputes opened by their type at opening ("livestock damage disputes fall month on month"). */
    static String disputeType(String type) {
        return "disputeType_" + key(type);
    }

    /** Public sentiment recorded by its risk (sentimentRisk_HIGH, ...). */
    static String sentimentRisk(String risk) {
        return "sentimentRisk_" + key(risk);
    }

    static String request(String toState) {
        return "request_" + key(toState);
    }

    /** Banners, letters and other thanks (锦旗, 感谢信) by kind. */
    static String commendation(String kind) {
        return "commendation_" + key(kind);
    }

    static String deadline(String flag) {
        return "deadline_" + key(flag);
    }

    private static String key(String value) {
        if (value == null || value.isBlank()) {
            return "UNKNOWN";
        }
        String cleaned = value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
    }
}
