package org.tanchang.grid.contracts.referral;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * The agency has the referral: it acknowledged through the API ({@code recordedBy} is its client) or the officer
 * recorded the hand delivery. Keyed by referral id.
 */
public record ReferralReceived(
        String referralId,
        String matterType,
        String matterId,
        String gridCode,
        String agencyCode,
        String recordedBy,
        String referredBy,
        OffsetDateTime at) {

    public static final EventType<ReferralReceived> TYPE =
            new EventType<>("ReferralReceived", Topics.REFERRALS, 1, ReferralReceived.class);
}
