package org.tanchang.grid.contracts;

import java.util.List;

/**
 * One topic per aggregate type; the record key is the aggregate id so one aggregate's events stay in order.
 * The {@code .v1} suffix lets a breaking change run beside the old topic while consumers move over.
 */
public final class Topics {

    /** Grids with their boundaries (event-carried state: each event is the grid's whole current picture). */
    public static final String GRIDS = "grid.grids.v1";
    /** Who is responsible for an area, and from when to when. */
    public static final String ROSTER = "grid.roster.v1";
    /** Grid members (the "N" forces) with their duties and grids. */
    public static final String MEMBERS = "grid.members.v1";
    public static final String PATROL_REPORTS = "grid.patrol-reports.v1";
    /** Planned must-visit points left unvisited when a plan's window closed. */
    public static final String PATROL_PLANS = "grid.patrol-plans.v1";
    /** Talks and campaigns (宣讲) held in the grids, with their attendance. */
    public static final String PUBLICITY = "grid.publicity.v1";
    /** Public sentiment (社情民意) recorded in the grids: from patrol findings, the window, visits. */
    public static final String SENTIMENTS = "grid.sentiments.v1";
    /** Early warnings (预警研判) raised by the warning rules, and their handling. */
    public static final String RISK_WARNINGS = "grid.risk-warnings.v1";
    public static final String INCIDENTS = "case.incidents.v1";
    public static final String LOST_ITEMS = "case.lost-items.v1";
    /** Matters referred to outside agencies (market supervision, another county's station, a court) and their answers. */
    public static final String REFERRALS = "case.referrals.v1";
    /** Safety hazards to be removed (安全隐患联治): opened, ordered, re-inspected, overdue, escalated. */
    public static final String HAZARDS = "case.hazards.v1";
    public static final String DISPUTES = "mediation.disputes.v1";
    public static final String FOLLOW_UP_VISITS = "mediation.follow-up-visits.v1";
    public static final String REQUESTS = "petition.requests.v1";
    /** Care plans pairing members with households needing care (结对关爱), their visits and missed visits. */
    public static final String CARE = "grid.care.v1";

    // notification-service publishes nothing: its deliveries are its own state, read over its API. The topic
    // notification.notifications.v1 that was declared for them had no producer and is no longer created.

    /** Suffix of the dead-letter topic that holds what a consumer gave up on after bounded retries. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final List<String> ALL = List.of(GRIDS, ROSTER, MEMBERS, PATROL_REPORTS, PATROL_PLANS,
            PUBLICITY, SENTIMENTS, RISK_WARNINGS, INCIDENTS, LOST_ITEMS, DISPUTES, FOLLOW_UP_VISITS, REQUESTS, CARE,
            REFERRALS, HAZARDS);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
