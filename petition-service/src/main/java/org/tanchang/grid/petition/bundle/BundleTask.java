package org.tanchang.grid.petition.bundle;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/**
 * A unit's work item, created from BundleTaskRequested by {@link BundleEvents} (id = task id, so a redelivery adds
 * nothing). The unit completes it through the API, which publishes BundleTaskCompleted.
 */
@Document("bundle_tasks")
class BundleTask {

    @Id
    String id;
    String bundleRequestId;
    String itemCode;
    String gridCode;
    Map<String, String> fields;
    String outcome;
    String reason;
    String completedBy;
    Instant completedAt;
    @Version
    Long version;
    java.util.List<OutboxEvent> outbox = new java.util.ArrayList<>();
}
