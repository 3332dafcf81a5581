package org.tanchang.grid.cases.hazard;

import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Takes a hazard up one level (GRID → TOWNSHIP → COUNTY), in memory, with its timeline entry and HazardEscalated;
 * whoever calls writes it (a workflow step, the deadline sweep). The reasons are codes, not prose, so notification
 * rules and statistics can tell them apart.
 */
@Component
class HazardEscalation {

    static final String OVERDUE = "OVERDUE";
    static final String REPEAT = "REPEAT";
    static final String MANUAL = "MANUAL";

    private final HazardEvents events;

    HazardEscalation(HazardEvents events) {
        this.events = events;
    }

    /** Whether it can still go up. */
    static boolean canRise(Hazard hazard) {
        return hazard.level.up() != null;
    }

    /** One level up; at the county nothing happens (false). */
    boolean raise(Hazard hazard, String reason, String actor, String actorName, Instant now) {
        HazardLevel from = hazard.level;
        HazardLevel to = from.up();
        if (to == null) {
            return false;
        }
        hazard.level = to;
        hazard.levelSince = now;
        hazard.timeline.add(new Hazard.TimelineEntry("escalated", hazard.state, to, actor, actorName, now,
                from + " → " + to + " (" + reason + ")"));
        events.escalated(hazard, from, reason, now);
        return true;
    }
}
