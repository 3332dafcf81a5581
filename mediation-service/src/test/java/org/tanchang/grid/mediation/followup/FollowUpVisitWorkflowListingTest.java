package org.tanchang.grid.mediation.followup;

import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.WorkflowListing;

/** The visit table against its reviewed listing, src/test/resources/workflows/follow-up-visit.txt. */
class FollowUpVisitWorkflowListingTest {

    @Test
    void theTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(FollowUpVisitWorkflow.TABLE.name(),
                FollowUpVisitWorkflow.TABLE.listing());
    }
}
