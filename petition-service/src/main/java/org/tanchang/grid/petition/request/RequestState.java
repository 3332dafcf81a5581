package org.tanchang.grid.petition.request;


import java.util.Set;
import org.tanchang.grid.platform.workflow.StateMachine;

/** Where a request stands at the one window. */
public enum RequestState {
    SUBMITTED, PRECHECKED, INCOMPLETE, ACCEPTED, IN_PROCESS, COMPLETED, REFUSED, CLOSED, RATED, REFERRED;

    /**
     * The workflow. The first staff action (precheck, refer or refuse) is the window's first response; completion
     * is measured to COMPLETED or REFUSED. INCOMPLETE lists every missing material at once and goes back to
     * PRECHECKED when the citizen brings them. A request that is really a dispute or a crime is REFERRED.
     */
    static final StateMachine<RequestState> WORKFLOW = StateMachine.of(RequestState.class)
            .allow("precheck", PRECHECKED, SUBMITTED)
            .allow("request-materials", INCOMPLETE, PRECHECKED)
            .allow("resubmit", PRECHECKED, INCOMPLETE)
            .allow("accept", ACCEPTED, PRECHECKED)
            .allow("start", IN_PROCESS, ACCEPTED)
            .allow("complete", COMPLETED, IN_PROCESS)
            .allow("refuse", REFUSED, PRECHECKED, INCOMPLETE, ACCEPTED, IN_PROCESS)
            .allow("close", CLOSED, COMPLETED, REFUSED)
            .allow("rate", RATED, CLOSED)
            .allow("refer", REFERRED, SUBMITTED, PRECHECKED, ACCEPTED)
            .build();

    /** States in which the service is still owed, so the deadline sweep measures them. */
    static final Set<RequestState> OPEN = Set.of(SUBMITTED, PRECHECKED, INCOMPLETE, ACCEPTED, IN_PROCESS);

    /** States in which the service was delivered or refused: completion is measured up to entering them. */
    /** Whether the service is still owed (Open311 shows these as open). */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    static final Set<RequestState> ENDED = Set.of(COMPLETED, REFUSED, CLOSED, RATED, REFERRED);
}
