package org.tanchang.grid.gridservice.member;

/** The eight duties (八大员); a member takes one or more. */
public enum Duty {
    INFORMATION_COLLECTOR, SENTIMENT_COLLECTOR, SAFETY_INSPECTOR, DISPUTE_MEDIATOR, WORK_CO_MANAGER,
    PSYCHOLOGICAL_COUNSELLOR, POLICY_PUBLICIST, CONVENIENCE_SERVICE_WORKER
}
