package org.tanchang.grid.cases.referral;

import static org.tanchang.grid.cases.referral.ReferralState.ANSWERED;
import static org.tanchang.grid.cases.referral.ReferralState.CLOSED;
import static org.tanchang.grid.cases.referral.ReferralState.RECEIVED;
import static org.tanchang.grid.cases.referral.ReferralState.SENT;
import static org.tanchang.grid.cases.referral.ReferralState.WITHDRAWN;

import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A referral to an outside agency: the agency acknowledges it (or the officer records handing it over), replies (or
 * the officer records the reply it gave on paper), and the officer closes it; until the reply it can be withdrawn.
 * The agency's system client takes its own steps with {@code referrals.write}, only on referrals addressed to it.
 */
final class ReferralWorkflow {

    static final String[] STAFF = {Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR};

    static final Workflow<ReferralState> TABLE = Workflow.of("referral", ReferralState.class)
            .on("receive").from(SENT).to(RECEIVED)
                .by(Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM).scopes(Scopes.REFERRALS_WRITE)
            .on("answer").from(RECEIVED).to(ANSWERED)
                .by(Roles.OFFICER, Roles.WINDOW_CLERK, Roles.SUPERVISOR, Roles.SYSTEM).scopes(Scopes.REFERRALS_WRITE)
            .on("close").from(ANSWERED).to(CLOSED).by(STAFF)
            .on("withdraw").from(SENT, RECEIVED).to(WITHDRAWN).by(STAFF)
            .build();

    private ReferralWorkflow() {
    }
}
