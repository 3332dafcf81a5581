package org.tanchang.grid.contracts.referral;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A matter (INCIDENT, REQUEST, DISPUTE or HAZARD of that id, in that grid) was referred to an outside agency with a
 * question; the agency (its system client {@code agencyClientId}) answers by {@code dueAt}. A WEBHOOK agency is sent
 * this by notification-service; a PERSON agency is handed it by the officer. The question is the referral's own text
 * with ID and mobile numbers masked; attachments are file ids, never content. Keyed by referral id.
 */
public record ReferralSent(
        String referralId,
        String matterType,
        String matterId,
        String gridCode,
        String agencyCode,
        String agencyName,
        String agencyClientId,
        String delivery,
        String question,
        List<String> attachmentIds,
        OffsetDateTime dueAt,
        String referredBy,
        OffsetDateTime sentAt) {

    public static final EventType<ReferralSent> TYPE =
            new EventType<>("ReferralSent", Topics.REFERRALS, 1, ReferralSent.class);
}
