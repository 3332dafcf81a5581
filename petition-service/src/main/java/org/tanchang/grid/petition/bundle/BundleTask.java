package org.tanchang.grid.petition.bundle;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/**
 * A unit's work item. Written by the acceptance itself, right after the bundle's own write and before the answer,
 * so a task the accepted bundle lists is found at once; BundleTaskRequested ({@link BundleEvents}) writes it too if
 * the service stopped in between (id = task id, so whichever comes second adds nothing). The unit completes it
 * through the API, which publishes BundleTaskCompleted.
 */
@Document("bundle_tasks")
class BundleTask {

    @Id
    String id;
    String bundleRequestId;
    String bundleNumber;
    String itemCode;
    String itemName;
    /** The unit whose queue it is in. */
    @org.springframework.data.mongodb.core.index.Indexed
    String responsibleUnit;
    /** The applicant's home grid, and the window that handles the bundle (the clerks' queue). */
    String gridCode;
    String windowCode;
    String completionLimit;
    /** When the task is promised to be done: the item's time limit from the bundle's acceptance. */
    Instant promisedBy;
    Instant createdAt;
    Map<String, String> fields;
    String outcome;
    String reason;
    String completedBy;
    Instant completedAt;
    @Version
    Long version;
    java.util.List<OutboxEvent> outbox = new java.util.ArrayList<>();

    /** The work item of {@code task} of the accepted bundle {@code b}. */
    static BundleTask of(BundleRequest b, BundleRequest.Task task, String itemName, Instant now) {
        BundleTask t = new BundleTask();
        t.id = task.taskId;
        t.bundleRequestId = b.id;
        t.bundleNumber = b.number;
        t.itemCode = task.itemCode;
        t.itemName = itemName;
        t.responsibleUnit = task.responsibleUnit;
        t.gridCode = b.gridCode;
        t.windowCode = b.windowCode;
        t.completionLimit = task.completionLimit;
        t.promisedBy = task.promisedBy;
        t.createdAt = now;
        t.fields = Map.copyOf(task.fields);
        return t;
    }
}
