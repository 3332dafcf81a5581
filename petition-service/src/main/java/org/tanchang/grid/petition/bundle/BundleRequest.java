package org.tanchang.grid.petition.bundle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/** One application for a bundle: one form, one acceptance, one task per item, complete when every task is done. */
@Document("bundle_requests")
class BundleRequest {

    enum State { SUBMITTED, ACCEPTED, COMPLETED, FAILED }

    /** A task per item; outcome null while it is open, then DONE or FAILED. */
    static final class Task {
        String taskId;
        String itemCode;
        /** The unit that does it: the item's responsible unit. */
        String responsibleUnit;
        /** The item's promised time limit and, from the acceptance, the time it is promised by. */
        String completionLimit;
        Instant promisedBy;
        Map<String, String> fields = new LinkedHashMap<>();
        String outcome;
        String reason;
        Instant completedAt;
    }

    record TimelineEntry(State state, String action, String actor, Instant at, String remark) {
    }

    @Id
    String id;
    @Indexed(unique = true)
    String number;
    String bundleCode;
    String bundleName;
    @Indexed
    String citizenId;
    /** The applicant's home grid: an attribute. */
    @Indexed
    String gridCode;
    /** The window that took the bundle and handles it (一窗通办, as for requests); null on bundles from before. */
    @Indexed
    String windowCode;
    Map<String, String> answers = new LinkedHashMap<>();
    State state;
    List<Task> tasks = new ArrayList<>();
    String failedTaskId;
    Instant submittedAt;
    Instant acceptedAt;
    Instant completedAt;
    List<TimelineEntry> timeline = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();
}
