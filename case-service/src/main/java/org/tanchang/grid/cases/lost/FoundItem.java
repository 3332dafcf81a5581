package org.tanchang.grid.cases.lost;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.commendation.Commendable;
import org.tanchang.grid.platform.commendation.Commendation;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * A found item in police custody (拾得物), from intake (a receipt number for the finder) through a public notice to
 * the handover to its verified owner, or disposal once the notice's one-year period has passed unclaimed.
 */
@Document("found_items")
// matching asks for claimable items found in a time window
@CompoundIndex(name = "status_found_at", def = "{'status': 1, 'item.from': 1}")
// the found-items list: an area's items by intake time, newest first
@CompoundIndex(name = "area_created", def = "{'areaCode': 1, 'createdAt': -1}")
class FoundItem implements Commendable {

    /** Signed handover (交接): who received it, proven how, signed by whom; the claimant's ID kept protected. */
    record Handover(String id, String lostReportId, String ownerId, String proof, ProtectedValue claimantIdNumber,
            String proxyAuthorisationUrl, String signatureSha256, String handedOverBy, Instant at) {
    }

    record Notice(String publicDescription, Instant publishedAt, Instant expiresAt) {
    }

    record Disposal(String method, String remark, String disposedBy, Instant at) {
    }

    @Id
    String id;
    @Indexed(unique = true)
    String receiptNumber;
    @Indexed
    String areaCode;
    @Indexed
    LostStates.Found status = LostStates.Found.IN_CUSTODY;
    LostItem item = new LostItem();
    ProtectedValue finderName;
    String custodyLocation;
    String intakeBy;
    Instant createdAt;
    String matchedLostReportId;
    Notice notice;
    @Indexed(sparse = true)
    Instant noticeExpiresAt;
    Handover handover;
    Disposal disposal;
    /** Set once by the disposal sweep when the notice ran out unclaimed: an officer must now dispose with a record. */
    @Indexed(sparse = true)
    Instant disposalDueAt;
    List<Step> timeline = new ArrayList<>();
    /** Thanks from the owner (致信感谢, 锦旗) for the handover, oldest first. */
    List<Commendation> commendations = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<Commendation> commendations() {
        return commendations;
    }

    /** Whoever took the item in, handed it over or took a step on it. */
    @Override
    public Set<String> handlers() {
        Set<String> handlers = new HashSet<>();
        if (intakeBy != null) {
            handlers.add(intakeBy);
        }
        if (handover != null) {
            handlers.add(handover.handedOverBy());
        }
        timeline.stream().map(Step::actor).forEach(handlers::add);
        return handlers;
    }

    /** Moves the item by {@code action} (409 if its state does not allow it) and records the step. */
    void step(String action, String actor, Instant at, String remark) {
        LostStates.Found from = status;
        status = FoundItemWorkflow.TABLE.next(from, action);
        timeline.add(new Step(action, from.name(), status.name(), actor, at, remark));
    }
}
