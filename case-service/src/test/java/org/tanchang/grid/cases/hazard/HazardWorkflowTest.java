package org.tanchang.grid.cases.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.test.WorkflowListing;

/** The hazard table against its reviewed listing, and the rule that only a confirmed removal closes a hazard. */
class HazardWorkflowTest {

    @Test
    void theHazardTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(HazardWorkflow.TABLE.name(), HazardWorkflow.TABLE.listing());
    }

    @Test
    void onlyAReinspectionThatFindsItRemovedLeadsToClosed() {
        var into = HazardWorkflow.TABLE.transitions().stream().filter(t -> t.to() == HazardState.CLOSED).toList();
        assertThat(into).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(HazardState.REINSPECTING);
            assertThat(t.action()).isEqualTo("reinspect-removed");
        });
        for (HazardState state : HazardState.values()) {
            if (state != HazardState.REINSPECTING) {
                assertThatThrownBy(() -> HazardWorkflow.TABLE.next(state, "reinspect-removed"))
                        .isInstanceOf(ProblemException.class);
            }
        }
    }

    @Test
    void levelsGoUpToTheCountyAndStopThere() {
        String grid = "621223101001001";
        assertThat(HazardLevel.GRID.areaOf(grid)).isEqualTo(grid);
        assertThat(HazardLevel.TOWNSHIP.areaOf(grid)).isEqualTo("621223101");
        assertThat(HazardLevel.COUNTY.areaOf(grid)).isEqualTo("621223");
        assertThat(HazardLevel.GRID.up()).isEqualTo(HazardLevel.TOWNSHIP);
        assertThat(HazardLevel.TOWNSHIP.up()).isEqualTo(HazardLevel.COUNTY);
        assertThat(HazardLevel.COUNTY.up()).isNull();
    }
}
