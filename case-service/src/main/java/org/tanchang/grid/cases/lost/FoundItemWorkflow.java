package org.tanchang.grid.cases.lost;

import static org.tanchang.grid.cases.lost.LostStates.Found.DISPOSED;
import static org.tanchang.grid.cases.lost.LostStates.Found.IN_CUSTODY;
import static org.tanchang.grid.cases.lost.LostStates.Found.MATCHED;
import static org.tanchang.grid.cases.lost.LostStates.Found.NOTICED;
import static org.tanchang.grid.cases.lost.LostStates.Found.RETURNED;

import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A found item in the station's custody: matched to a lost report (from custody or while under public notice),
 * handed over, released when the match proves wrong, or disposed of once its notice has run out (checked on top of
 * the table).
 */
final class FoundItemWorkflow {

    static final Workflow<LostStates.Found> TABLE = Workflow.of("found-item", LostStates.Found.class)
            .on("notice").from(IN_CUSTODY).to(NOTICED).by(Roles.OFFICER)
            .on("match").from(IN_CUSTODY, NOTICED).to(MATCHED).by(Roles.OFFICER, Roles.AUXILIARY_OFFICER)
            .on("claim").from(MATCHED).to(RETURNED).by(Roles.OFFICER, Roles.AUXILIARY_OFFICER)
            .on("release").from(MATCHED).to(IN_CUSTODY).by(Roles.OFFICER, Roles.AUXILIARY_OFFICER)
            .on("dispose").from(NOTICED).to(DISPOSED).by(Roles.OFFICER, Roles.SUPERVISOR)
            // the owner's thanks (致信感谢) for a handover; the state stays
            .on("commend").in(RETURNED).by(Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR)
            .build();

    private FoundItemWorkflow() {
    }
}
