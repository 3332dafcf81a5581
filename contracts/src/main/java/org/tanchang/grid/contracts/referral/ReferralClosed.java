package org.tanchang.grid.contracts.referral;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** The officer accepted the agency's answer and closed the referral (final). Keyed by referral id. */
public record ReferralClosed(
        String referralId,
        String matterType,
        String matterId,
        String gridCode,
        String agencyCode,
        String by,
        OffsetDateTime at) {

    public static final EventType<ReferralClosed> TYPE =
            new EventType<>("ReferralClosed", Topics.REFERRALS, 1, ReferralClosed.class);
}
