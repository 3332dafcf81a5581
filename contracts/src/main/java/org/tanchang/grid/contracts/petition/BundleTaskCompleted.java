package org.tanchang.grid.contracts.petition;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** One task of a bundle finished: DONE, or FAILED with a reason. Keyed by bundle request id. */
public record BundleTaskCompleted(
        String bundleRequestId,
        String taskId,
        String itemCode,
        String outcome,
        String reason,
        OffsetDateTime at) {

    public static final EventType<BundleTaskCompleted> TYPE =
            new EventType<>("BundleTaskCompleted", Topics.REQUESTS, 1, BundleTaskCompleted.class);
}
