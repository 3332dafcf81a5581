package org.tanchang.grid.notification.inbox;

/** What a notification is about; with {@code subjectId} it links to the thing in its owning service. */
public enum SubjectType {
    /** A patrol report of grid-service ({@code /api/patrol-reports/{subjectId}}). */
    PATROL_REPORT,
    /** A patrol plan of grid-service whose must-visit point was missed. */
    PATROL_PLAN,
    /** An incident (case) of case-service. */
    INCIDENT,
    /** A lost-item report of case-service. */
    LOST_REPORT,
    /** A dispute of mediation-service. */
    DISPUTE,
    /** A follow-up visit of mediation-service. */
    FOLLOW_UP_VISIT,
    /** A one-window request of petition-service. */
    REQUEST,
    /** A risk warning of grid-service ({@code /api/risk-warnings/{subjectId}}). */
    RISK_WARNING,
    /** A care plan of grid-service ({@code /api/care-plans/{subjectId}}) whose visit is due or missed. */
    CARE_PLAN,
    /** A referral to an outside agency, of case-service ({@code /api/referrals/{subjectId}}). */
    REFERRAL,
    /** A safety hazard of case-service ({@code /api/hazards/{subjectId}}). */
    HAZARD
}
