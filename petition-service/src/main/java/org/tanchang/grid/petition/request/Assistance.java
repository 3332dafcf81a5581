package org.tanchang.grid.petition.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tanchang.grid.platform.workflow.StateMachine;

/**
 * A confirmation asked of another station or department (协查), such as the Wuhai station confirming a man's old
 * registration: its own deadline, reminders and reply. Kept inside its request, which shows it as "waiting for".
 */
class Assistance {

    enum State { ASKED, ANSWERED, WITHDRAWN }

    static final StateMachine<State> WORKFLOW = StateMachine.of(State.class)
            .allow("remind", State.ASKED, State.ASKED)
            .allow("reply", State.ANSWERED, State.ASKED)
            .allow("withdraw", State.WITHDRAWN, State.ASKED)
            .build();

    String id;
    String agency;
    /** The agency's system (OAuth client id), if it answers through the API; it reads this question only. */
    String agencyClientId;
    String question;
    String timeLimit;
    State state;
    String askedBy;
    Instant askedAt;
    Instant dueAt;
    List<Instant> reminders = new ArrayList<>();
    String reply;
    boolean confirmed;
    String repliedBy;
    Instant repliedAt;
}
