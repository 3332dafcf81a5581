package org.tanchang.grid.cases.hazard;

/** How dangerous; picks the rectification deadline (tanchang.hazards.rectification-limits). */
public enum RiskLevel {
    LOW, MEDIUM, HIGH, MAJOR
}
