package org.tanchang.grid.contracts.referral;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * The agency's reply is recorded (by the agency through the API, or by the officer on its behalf); the reply's text
 * stays in case-service, read over its API. The referring officer ({@code referredBy}) is told. Keyed by referral id.
 */
public record ReferralAnswered(
        String referralId,
        String matterType,
        String matterId,
        String gridCode,
        String agencyCode,
        String agencyName,
        String agencyClientId,
        String recordedBy,
        String referredBy,
        boolean late,
        OffsetDateTime at) {

    public static final EventType<ReferralAnswered> TYPE =
            new EventType<>("ReferralAnswered", Topics.REFERRALS, 1, ReferralAnswered.class);
}
