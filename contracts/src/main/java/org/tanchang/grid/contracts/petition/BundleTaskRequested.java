package org.tanchang.grid.contracts.petition;

import java.util.Map;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** Accepting a "one thing" bundle asks for one task per item, with the bundle form's answers mapped to that item's fields. Keyed by bundle request id. */
public record BundleTaskRequested(
        String bundleRequestId,
        String taskId,
        String itemCode,
        Map<String, String> fields) {

    public static final EventType<BundleTaskRequested> TYPE =
            new EventType<>("BundleTaskRequested", Topics.REQUESTS, 1, BundleTaskRequested.class);
}
