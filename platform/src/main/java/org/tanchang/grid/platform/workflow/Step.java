package org.tanchang.grid.platform.workflow;

import java.time.Instant;
import org.tanchang.grid.platform.security.Caller;

/** One step being taken: what, from where to where, by whom, when, and the remark that goes into the timeline. */
public record Step<S extends Enum<S>>(String action, S from, S to, Caller caller, Instant at, String remark) {

    /** Whether the step moves the aggregate to another state (a session held keeps it). */
    public boolean changesState() {
        return from != to;
    }
}
