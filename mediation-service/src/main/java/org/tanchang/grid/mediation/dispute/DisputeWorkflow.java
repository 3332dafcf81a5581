package org.tanchang.grid.mediation.dispute;

import static org.tanchang.grid.mediation.dispute.DisputeState.*;

import java.util.Set;
import org.tanchang.grid.platform.workflow.StateMachine;

/**
 * The People's Mediation Law procedure as a table. Actions that stay in a state (a session, an extension, a term
 * performed, more parties) are in the table too, so doing them in the wrong state is the same 409 as any other.
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

    /** States in which the dispute is still alive: more grids may be found concerned. */
    private static final DisputeState[] OPEN = {APPLIED, ACCEPTED, MEDIATING, AGREED, CONFIRMATION_PENDING, CONFIRMED,
            PERFORMING, FULFILLED};
    /** States after mediation ended, before the archive: the follow-up visits happen here. */
    private static final DisputeState[] VISITING = {AGREED, CONFIRMATION_PENDING, CONFIRMED, PERFORMING, FULFILLED,
            DECLINED, TERMINATED};

    static final StateMachine<DisputeState> WORKFLOW = table();

    private static StateMachine<DisputeState> table() {
        StateMachine.Builder<DisputeState> table = StateMachine.of(DisputeState.class)
                    .allow(ADD_PARTIES, APPLIED, APPLIED)
                    .allow(ADD_PARTIES, ACCEPTED, ACCEPTED)
                    .allow(ADD_PARTIES, MEDIATING, MEDIATING)
                    .allow(ACCEPT, ACCEPTED, APPLIED)
                    .allow(DECLINE, DECLINED, APPLIED)
                    .allow(START_MEDIATION, MEDIATING, ACCEPTED)
                    .allow(HOLD_SESSION, MEDIATING, MEDIATING)
                    .allow(EXTEND_MEDIATION, MEDIATING, MEDIATING)
                    .allow(AGREE, AGREED, MEDIATING)
                    .allow(TERMINATE, TERMINATED, ACCEPTED, MEDIATING)
                    .allow(APPLY_CONFIRMATION, CONFIRMATION_PENDING, AGREED)
                    .allow(CONFIRM, CONFIRMED, CONFIRMATION_PENDING)
                    // the court found the agreement invalid: the parties may mediate again (人民调解法 art. 33)
                    .allow(REFUSE_CONFIRMATION, MEDIATING, CONFIRMATION_PENDING)
                    .allow(START_PERFORMANCE, PERFORMING, AGREED, CONFIRMED)
                    .allow(PERFORM_TERM, PERFORMING, PERFORMING)
                    .allow(FULFIL, FULFILLED, PERFORMING)
                    // from PERFORMING too, so that trying to close early gets the list of what is missing, not a bare 409
                    .allow(ARCHIVE, ARCHIVED, PERFORMING, FULFILLED, DECLINED, TERMINATED);
        for (DisputeState s : OPEN) {
            table.allow(ADD_GRIDS, s, s);
        }
        for (DisputeState s : VISITING) {
            table.allow(SCHEDULE_VISIT, s, s).allow(EXCUSE_VISIT, s, s);
        }
        return table.build();
    }

    /** States in which the conflict is not yet settled: escalation by time and the time limits apply. */
    static final Set<DisputeState> UNRESOLVED = Set.of(APPLIED, ACCEPTED, MEDIATING);

    private DisputeWorkflow() {
    }
}
