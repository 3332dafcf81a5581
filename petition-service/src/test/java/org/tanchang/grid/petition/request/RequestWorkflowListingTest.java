package org.tanchang.grid.petition.request;

import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.WorkflowListing;

/** The request and assistance tables against their reviewed listings (src/test/resources/workflows). */
class RequestWorkflowListingTest {

    @Test
    void theRequestTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(RequestWorkflow.TABLE.name(), RequestWorkflow.TABLE.listing());
    }

    @Test
    void theAssistanceTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(AssistanceWorkflow.TABLE.name(),
                AssistanceWorkflow.TABLE.listing());
    }
}
