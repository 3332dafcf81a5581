package org.tanchang.grid.cases.lost;

import static org.tanchang.grid.cases.lost.LostStates.Report.MATCHED;
import static org.tanchang.grid.cases.lost.LostStates.Report.OPEN;
import static org.tanchang.grid.cases.lost.LostStates.Report.RETURNED;

import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A lost report follows the found item it is matched to: each of these is taken by the same step of the item
 * ({@link FoundItemWorkflow}), so it has that step's roles.
 */
final class LostReportWorkflow {

    static final Workflow<LostStates.Report> TABLE = Workflow.of("lost-report", LostStates.Report.class)
            .on("match").from(OPEN).to(MATCHED).by(Roles.OFFICER, Roles.AUXILIARY_OFFICER)
            .on("claim").from(MATCHED).to(RETURNED).by(Roles.OFFICER, Roles.AUXILIARY_OFFICER)
            .on("release").from(MATCHED).to(OPEN).by(Roles.OFFICER, Roles.AUXILIARY_OFFICER)
            .build();

    private LostReportWorkflow() {
    }
}
