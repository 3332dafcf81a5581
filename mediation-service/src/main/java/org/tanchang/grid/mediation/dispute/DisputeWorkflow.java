package org.tanchang.grid.mediation.dispute;

import static org.tanchang.grid.mediation.dispute.DisputeState.*;

import java.util.Set;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * The People's Mediation Law procedure as a table, in the order of the procedure: apply, accept or decline, mediate,
 * agree or terminate, optional judicial confirmation, perform, visit, archive. Actions that stay in a state (a
 * session, an extension, a term performed, more parties) are in the table too, so doing them in the wrong state is
 * the same 409 as any other. Reviewed listing: {@code src/test/resources/workflows/dispute.txt}.
 */
final class DisputeWorkflow {

    static final String ADD_PARTIES = "add-parties";
    static final String ACCEPT = "accept";
    static final String DECLINE = "decline";
    static final String START_MEDIATION = "start-mediation";
    static final String HOLD_SESSION = "hold-session";
    static final String EXTEND_MEDIATION = "extend-mediation";
    static final String AGREE = "agree";
    static final String TERMINATE = "terminate";
    static final String APPLY_CONFIRMATION = "apply-confirmation";
    static final String CONFIRM = "confirm";
    static final String REFUSE_CONFIRMATION = "refuse-confirmation";
    static final String START_PERFORMANCE = "start-performance";
    static final String PERFORM_TERM = "perform-term";
    static final String FULFIL = "fulfil";
    static final String ARCHIVE = "archive";
    static final String ADD_GRIDS = "add-grids";
    static final String SCHEDULE_VISIT = "schedule-visit";
    static final String EXCUSE_VISIT = "excuse-visit";
    static final String COMMEND = "commend";

    /** States in which the dispute is still alive: more grids may be found concerned. */
    private static final DisputeState[] OPEN = {APPLIED, ACCEPTED, MEDIATING, AGREED, CONFIRMATION_PENDING, CONFIRMED,
            PERFORMING, FULFILLED};
    /** States after mediation ended, before the archive: the follow-up visits happen here. */
    private static final DisputeState[] VISITING = {AGREED, CONFIRMATION_PENDING, CONFIRMED, PERFORMING, FULFILLED,
            DECLINED, TERMINATED};

    /** Who takes the steps: the mediators and those who may stand in for them. */
    private static final String[] MEDIATION = {Roles.MEDIATOR, Roles.OFFICER, Roles.SUPERVISOR, Roles.ADMIN};

    static final Workflow<DisputeState> TABLE = Workflow.of("dispute", DisputeState.class)
            .on(ADD_PARTIES).in(APPLIED, ACCEPTED, MEDIATING).by(MEDIATION)
            .on(ADD_GRIDS).in(OPEN).by(MEDIATION)
            .on(ACCEPT).from(APPLIED).to(ACCEPTED).by(MEDIATION)
            .on(DECLINE).from(APPLIED).to(DECLINED).by(MEDIATION)
            .on(START_MEDIATION).from(ACCEPTED).to(MEDIATING).by(MEDIATION).limit(Deadlines.MEDIATION)
            .on(HOLD_SESSION).in(MEDIATING).by(MEDIATION)
            .on(EXTEND_MEDIATION).in(MEDIATING).by(MEDIATION)
            .on(AGREE).from(MEDIATING).to(AGREED).by(MEDIATION)
            .on(TERMINATE).from(ACCEPTED, MEDIATING).to(TERMINATED).by(MEDIATION)
            .on(APPLY_CONFIRMATION).from(AGREED).to(CONFIRMATION_PENDING).by(MEDIATION)
            .on(CONFIRM).from(CONFIRMATION_PENDING).to(CONFIRMED).by(MEDIATION)
            // the court found the agreement invalid: the parties may mediate again (人民调解法 art. 33)
            .on(REFUSE_CONFIRMATION).from(CONFIRMATION_PENDING).to(MEDIATING).by(MEDIATION).limit(Deadlines.MEDIATION)
            .on(START_PERFORMANCE).from(AGREED, CONFIRMED).to(PERFORMING).by(MEDIATION)
            .on(PERFORM_TERM).in(PERFORMING).by(MEDIATION)
            .on(FULFIL).from(PERFORMING).to(FULFILLED).by(MEDIATION)
            .on(SCHEDULE_VISIT).in(VISITING).by(MEDIATION)
            .on(EXCUSE_VISIT).in(VISITING).by(MEDIATION)
            // from PERFORMING too, so that trying to close early gets the list of what is missing, not a bare 409
            .on(ARCHIVE).from(PERFORMING, FULFILLED, DECLINED, TERMINATED).to(ARCHIVED).by(MEDIATION)
            // thanks (锦旗, 感谢信) come once the parties agreed, up to and after the archive
            .on(COMMEND).in(AGREED, CONFIRMATION_PENDING, CONFIRMED, PERFORMING, FULFILLED, ARCHIVED)
                    .by(Roles.MEDIATOR, Roles.OFFICER, Roles.SUPERVISOR)
            .build();

    /** States in which the conflict is not yet settled: escalation by time and the time limits apply. */
    static final Set<DisputeState> UNRESOLVED = Set.of(APPLIED, ACCEPTED, MEDIATING);

    private DisputeWorkflow() {
    }
}
