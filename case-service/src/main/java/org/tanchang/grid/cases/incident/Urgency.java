package org.tanchang.grid.cases.incident;

/** How fast an incident must move: picks the time limits of its steps (tanchang.cases.time-limits). */
public enum Urgency {
    NORMAL,
    URGENT
}
