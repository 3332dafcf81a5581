package org.tanchang.grid.cases.lost;

import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.WorkflowListing;

/** The lost-property tables against their reviewed listings (src/test/resources/workflows). */
class LostWorkflowListingTest {

    @Test
    void theFoundItemTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(FoundItemWorkflow.TABLE.name(), FoundItemWorkflow.TABLE.listing());
    }

    @Test
    void theLostReportTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(LostReportWorkflow.TABLE.name(),
                LostReportWorkflow.TABLE.listing());
    }
}
