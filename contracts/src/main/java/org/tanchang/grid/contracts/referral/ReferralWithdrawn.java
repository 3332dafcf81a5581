package org.tanchang.grid.contracts.referral;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** The referral was withdrawn before the agency answered (final); the agency is no longer asked. Keyed by referral id. */
public record ReferralWithdrawn(
        String referralId,
        String matterType,
        String matterId,
        String gridCode,
        String agencyCode,
        String by,
        OffsetDateTime at) {

    public static final EventType<ReferralWithdrawn> TYPE =
            new EventType<>("ReferralWithdrawn", Topics.REFERRALS, 1, ReferralWithdrawn.class);
}
