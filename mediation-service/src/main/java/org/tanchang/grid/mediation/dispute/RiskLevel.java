package org.tanchang.grid.mediation.dispute;

/** How likely the dispute turns into violence or a mass incident; HIGH goes to the township at once. */
public enum RiskLevel {
    LOW, MEDIUM, HIGH
}
