package org.tanchang.grid.mediation.dispute;

/**
 * How mediation ended without an agreement. The People's Mediation Law lets a party end mediation at any time
 * (art. 23) and the parties may settle by themselves; only a referral sends the matter elsewhere.
 */
public enum Ending {
    /** A party withdrew from mediation (申请人撤回 or a party refuses to go on). */
    WITHDRAWN,
    /** The parties settled among themselves (自行和解), without a mediation agreement. */
    SELF_SETTLED,
    /** Mediation failed and the matter goes to LITIGATION, ARBITRATION or a CASE. */
    REFERRED
}
