package org.tanchang.grid.contracts;

import java.util.List;

/**
 * One topic per aggregate type; the record key is the aggregate id so one aggregate's events stay in order.
 * The {@code .v1} suffix lets a breaking change run beside the old topic while consumers move over.
 */
public final class Topics {

    public static final String PATROL_REPORTS = "grid.patrol-reports.v1";
    public static final String INCIDENTS = "case.incidents.v1";
    public static final String DISPUTES = "mediation.disputes.v1";
    public static final String FOLLOW_UP_VISITS = "mediation.follow-up-visits.v1";
    public static final String NOTIFICATIONS = "notification.notifications.v1";

    /** Suffix of the dead-letter topic that holds what a consumer gave up on after bounded retries. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final List<String> ALL = List.of(PATROL_REPORTS, INCIDENTS, DISPUTES, FOLLOW_UP_VISITS, NOTIFICATIONS);

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
