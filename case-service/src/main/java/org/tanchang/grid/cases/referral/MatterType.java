package org.tanchang.grid.cases.referral;

/** The kind of matter referred; only INCIDENT lives in case-service, the others are references to other services. */
enum MatterType {
    INCIDENT, REQUEST, DISPUTE, HAZARD
}
