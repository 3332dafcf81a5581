package org.tanchang.grid.petition.request;

import java.time.Instant;
import java.util.List;
import org.tanchang.grid.platform.security.Caller;

/**
 * Work of the window measured outside the requests themselves (the tasks of "one thing" bundles), so the service
 * levels count all of it: each piece with its keys and its completion measure.
 */
public interface CompletionSource {

    /** One piece of work: its group keys and when it was due and done (null while open). */
    record Completion(String itemCode, String unit, String station, String window, String channel, Instant dueAt,
            Instant completedAt) {
    }

    /** The pieces the caller sees. */
    List<Completion> completions(Caller caller);
}
