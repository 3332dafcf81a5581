package org.tanchang.grid.petition.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A confirmation asked of another station or department (协查), such as the Wuhai station confirming a man's old
 * registration: its own deadline, reminders and reply ({@link AssistanceWorkflow}). Kept inside its request, which
 * shows it as "waiting for".
 */
class Assistance {

    enum State { ASKED, ANSWERED, WITHDRAWN }

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
