package org.tanchang.grid.platform.audit;

/** How the audited attempt ended. A denied or failed attempt is recorded as carefully as a successful one. */
public enum AuditOutcome {
    SUCCESS, DENIED, FAILED
}
