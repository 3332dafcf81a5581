package org.tanchang.grid.cases.hazard;

/** What kind of danger: it decides which department is drawn in, not the workflow, so it stays a plain code. */
public enum HazardKind {
    FIRE, TRAFFIC, GEOLOGICAL, LIVESTOCK, BUILDING, FLOOD, OTHER
}
