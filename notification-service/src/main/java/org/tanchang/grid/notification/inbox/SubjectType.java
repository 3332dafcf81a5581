package org.tanchang.grid.notification.inbox;

/** What a notification is about; with {@code subjectId} it links to the thing in its owning service. */
enum SubjectType {
    /** A patrol report of grid-service ({@code /api/patrol-reports/{subjectId}}). */
    PATROL_REPORT
}
