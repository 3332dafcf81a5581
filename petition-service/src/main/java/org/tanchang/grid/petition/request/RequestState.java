package org.tanchang.grid.petition.request;


import java.util.Set;

/** Where a request stands at the one window; the steps between them are {@link RequestWorkflow}. */
public enum RequestState {
    SUBMITTED, PRECHECKED, INCOMPLETE, ACCEPTED, IN_PROCESS, COMPLETED, REFUSED, CLOSED, RATED, REFERRED;

    /** States in which the service is still owed, so the deadline sweep measures them. */
    static final Set<RequestState> OPEN = Set.of(SUBMITTED, PRECHECKED, INCOMPLETE, ACCEPTED, IN_PROCESS);

    /** Whether the service is still owed (Open311 shows these as open). */
    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** States in which the service was delivered, refused or sent elsewhere. */
    static final Set<RequestState> ENDED = Set.of(COMPLETED, REFUSED, CLOSED, RATED, REFERRED);
}
