package org.tanchang.grid.mediation.dispute;

/** Where a dispute stands in the People's Mediation Law procedure (人民调解法); the moves are {@link DisputeWorkflow}. */
public enum DisputeState {
    /** Applied for mediation (申请), not yet accepted by a mediator. */
    APPLIED,
    /** Accepted (受理): a mediation committee takes it up. */
    ACCEPTED,
    /** Not taken up, with the reason (e.g. a party refuses mediation, law requires another procedure). */
    DECLINED,
    /** Sessions are being held. */
    MEDIATING,
    /** A mediation agreement was signed. */
    AGREED,
    /** Mediation ended without agreement: a party withdrew, the parties settled themselves, or it was referred. */
    TERMINATED,
    /** The parties jointly applied to the court for judicial confirmation (司法确认). */
    CONFIRMATION_PENDING,
    /** The court confirmed the agreement. */
    CONFIRMED,
    /** The agreement is being performed term by term. */
    PERFORMING,
    /** Every term was performed. */
    FULFILLED,
    /** Closed and filed; only after the "three not-let-go" guard passed. */
    ARCHIVED
}
