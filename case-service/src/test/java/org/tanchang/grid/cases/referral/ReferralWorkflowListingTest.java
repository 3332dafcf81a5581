package org.tanchang.grid.cases.referral;

import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.WorkflowListing;

/** The referral table against its reviewed listing (src/test/resources/workflows/referral.txt). */
class ReferralWorkflowListingTest {

    @Test
    void theReferralTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(ReferralWorkflow.TABLE.name(), ReferralWorkflow.TABLE.listing());
    }
}
