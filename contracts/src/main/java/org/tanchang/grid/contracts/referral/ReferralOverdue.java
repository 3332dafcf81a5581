package org.tanchang.grid.contracts.referral;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** The agency's reply is overdue (red flag): the referring officer is told and may remind the agency or withdraw. Keyed by referral id. */
public record ReferralOverdue(
        String referralId,
        String matterType,
        String matterId,
        String gridCode,
        String agencyCode,
        String agencyName,
        String agencyClientId,
        String state,
        OffsetDateTime dueAt,
        String referredBy) {

    public static final EventType<ReferralOverdue> TYPE =
            new EventType<>("ReferralOverdue", Topics.REFERRALS, 1, ReferralOverdue.class);
}
