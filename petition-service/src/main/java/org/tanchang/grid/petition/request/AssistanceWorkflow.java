package org.tanchang.grid.petition.request;

import static org.tanchang.grid.petition.request.Assistance.State.ANSWERED;
import static org.tanchang.grid.petition.request.Assistance.State.ASKED;
import static org.tanchang.grid.petition.request.Assistance.State.WITHDRAWN;

import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A question to another agency: reminded while asked, then answered (at the window, or by the agency's own system
 * through the API) or withdrawn. Asking is not a step: it creates the question inside its request.
 */
final class AssistanceWorkflow {

    static final Workflow<Assistance.State> TABLE = Workflow.of("assistance", Assistance.State.class)
            .on("remind").in(ASKED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("reply").from(ASKED).to(ANSWERED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM)
                    .scopes(Scopes.PETITION_WRITE)
            .on("withdraw").from(ASKED).to(WITHDRAWN).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .build();

    private AssistanceWorkflow() {
    }
}
