package org.tanchang.grid.mediation.dispute;

/**
 * Where a dispute stands in the People's Mediation Law procedure. Only the first step exists yet; accepting,
 * mediating, agreement or referral and closing follow with the mediation workflow.
 */
enum DisputeState {
    /** Applied for mediation (申请), not yet accepted by a mediator. */
    APPLIED
}
