package org.tanchang.grid.cases.referral;

/** Where a referral to an outside agency stands; CLOSED and WITHDRAWN are final. */
enum ReferralState {
    SENT, RECEIVED, ANSWERED, CLOSED, WITHDRAWN
}
