package org.tanchang.grid.cases.hazard;

/**
 * Where a hazard is on its way to removal ({@link HazardWorkflow#TABLE}). "隐患不消除不放过": the only way to CLOSED
 * is a re-inspection that finds it removed; DISMISSED (not a hazard after all) is the other final state.
 */
public enum HazardState {
    /** Found and recorded; the responsible officer has yet to order its rectification. */
    REPORTED,
    /** A rectification order is running against its deadline. */
    RECTIFYING,
    /** The responsible party says it is done; an officer has to see for themselves. */
    REINSPECTING,
    /** A re-inspection found it removed. Final. */
    CLOSED,
    /** Not a hazard (a duplicate, already removed when checked, someone else's matter). Final. */
    DISMISSED
}
