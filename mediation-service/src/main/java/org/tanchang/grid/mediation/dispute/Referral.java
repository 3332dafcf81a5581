package org.tanchang.grid.mediation.dispute;

/** Where a dispute goes when mediation fails; CASE makes case-service open an incident. */
public enum Referral {
    LITIGATION, ARBITRATION, CASE
}
