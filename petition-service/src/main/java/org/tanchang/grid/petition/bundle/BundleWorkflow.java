package org.tanchang.grid.petition.bundle;

import static org.tanchang.grid.petition.bundle.BundleRequest.State.ACCEPTED;
import static org.tanchang.grid.petition.bundle.BundleRequest.State.COMPLETED;
import static org.tanchang.grid.petition.bundle.BundleRequest.State.FAILED;
import static org.tanchang.grid.petition.bundle.BundleRequest.State.SUBMITTED;

import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A bundle application: accepted once at the window, then completed when its last task is done or failed at its
 * first failed task. The last two are taken by whoever completes that task (a unit's clerk or its system).
 */
final class BundleWorkflow {

    static final Workflow<BundleRequest.State> TABLE = Workflow.of("bundle-request", BundleRequest.State.class)
            .on("accept").from(SUBMITTED).to(ACCEPTED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("all-tasks-done").from(ACCEPTED).to(COMPLETED)
                    .by(Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM).scopes(Scopes.PETITION_WRITE)
            .on("task-failed").from(ACCEPTED).to(FAILED)
                    .by(Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM).scopes(Scopes.PETITION_WRITE)
            .build();

    private BundleWorkflow() {
    }
}
