package org.tanchang.grid.cases.lost;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/** A citizen's report of something lost (失物登记): what, when, where, and the documents in it. */
@Document("lost_reports")
class LostReport {

    @Id
    String id;
    /** The citizen who reported it (sees it and may claim), or null when the desk took it for someone. */
    @Indexed(sparse = true)
    String ownerId;
    @Indexed
    String areaCode;
    LostItem item = new LostItem();
    LostStates.Report status = LostStates.Report.OPEN;
    String matchedFoundItemId;
    Instant createdAt;
    List<Step> timeline = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    /** Moves the report by {@code action} (409 if its state does not allow it) and records the step. */
    void step(String action, String actor, Instant at, String remark) {
        LostStates.Report from = status;
        status = LostReportWorkflow.TABLE.next(from, action);
        timeline.add(new Step(action, from.name(), status.name(), actor, at, remark));
    }
}
