package org.tanchang.grid.petition.bundle;

import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.WorkflowListing;

/** The bundle table against its reviewed listing (src/test/resources/workflows). */
class BundleWorkflowListingTest {

    @Test
    void theBundleTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(BundleWorkflow.TABLE.name(), BundleWorkflow.TABLE.listing());
    }
}
