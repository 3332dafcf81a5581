package org.tanchang.grid.contracts.referral;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** 70 % of the time the agency has to reply has passed without a reply (yellow flag). Keyed by referral id. */
public record ReferralDeadlineApproaching(
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

    public static final EventType<ReferralDeadlineApproaching> TYPE =
            new EventType<>("ReferralDeadlineApproaching", Topics.REFERRALS, 1, ReferralDeadlineApproaching.class);
}
