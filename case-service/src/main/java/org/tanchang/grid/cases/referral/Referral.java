package org.tanchang.grid.cases.referral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.workflow.Deadline;

/**
 * A matter referred to an outside agency (转办/联合执法: market supervision, another county's station, a court), the
 * agency's receipt and reply. The matter itself may live in another service, which case-service cannot read: the
 * referral keeps its reference (type, id) and its grid, and the grid is what the area check of staff is made on.
 */
@Document("referrals")
// staff lists: their area's referrals, newest first; an agency's: those addressed to it
@CompoundIndex(name = "area_created", def = "{'matter.gridCode': 1, 'createdAt': -1}")
@CompoundIndex(name = "agency_created", def = "{'agencyClientId': 1, 'createdAt': -1}")
class Referral implements OutboxOwner {

    record Matter(MatterType type, String id, String gridCode) {
    }

    /** Who recorded the receipt or reply: the agency's client, or the officer on its behalf. */
    record Record(String by, String byName, boolean byAgency, Instant at, String text, String reference) {
    }

    record TimelineEntry(String action, ReferralState from, ReferralState to, String by, String byName, Instant at,
            String remark) {
    }

    @Id
    String id;
    Matter matter;
    String agencyCode;
    String agencyName;
    String agencyClientId;
    Agencies.Delivery delivery;
    String question;
    List<String> attachmentIds = new ArrayList<>();
    ReferralState state;
    Deadline deadline;
    String referredBy;
    String referredByName;
    Instant createdAt;
    Record receipt;
    Record answer;
    List<TimelineEntry> timeline = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    boolean awaitsReply() {
        return state == ReferralState.SENT || state == ReferralState.RECEIVED;
    }
}
