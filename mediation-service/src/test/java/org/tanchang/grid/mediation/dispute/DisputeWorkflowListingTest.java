package org.tanchang.grid.mediation.dispute;

import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.WorkflowListing;

/** The dispute table against its reviewed listing, src/test/resources/workflows/dispute.txt. */
class DisputeWorkflowListingTest {

    @Test
    void theTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(DisputeWorkflow.TABLE.name(), DisputeWorkflow.TABLE.listing());
    }
}
