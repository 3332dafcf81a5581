package org.tanchang.grid.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.WorkflowListing;
import org.tanchang.grid.platform.problem.ProblemException;

/** The table's declaration and questions, without Spring. */
class WorkflowTest {

    enum Gate { SHUT, AJAR, WIDE, GONE }

    static final Workflow<Gate> GATE = Workflow.of("gate", Gate.class)
            .on("push").from(Gate.SHUT).to(Gate.AJAR).by("GRID_MEMBER", "OFFICER")
            .on("fling").from(Gate.SHUT, Gate.AJAR).to(Gate.WIDE).by("OFFICER").limit("PT10M")
            .on("oil").in(Gate.SHUT, Gate.AJAR, Gate.WIDE).by("GRID_MEMBER")
            .on("remove").from(Gate.WIDE).to(Gate.GONE).by("SUPERVISOR", "SYSTEM").scopes("grid.write")
            .build();

    @Test
    void aStepLeadsWhereItsRowSaysAndKeepsTheStateWhenDeclaredIn() {
        assertThat(GATE.next(Gate.SHUT, "push")).isEqualTo(Gate.AJAR);
        assertThat(GATE.next(Gate.AJAR, "fling")).isEqualTo(Gate.WIDE);
        assertThat(GATE.next(Gate.WIDE, "oil")).isEqualTo(Gate.WIDE);
        assertThat(GATE.actionsFrom(Gate.SHUT)).containsExactly("fling", "oil", "push");
        assertThat(GATE.actionsFrom(Gate.SHUT, Set.of("GRID_MEMBER"))).containsExactly("oil", "push");
        assertThat(GATE.action("remove").scopes()).containsExactly("grid.write");
        assertThat(GATE.action("fling").limit()).isEqualTo("PT10M");
    }

    @Test
    void aStepItsStateDoesNotAllowIsAConflictNamingWhatIsAllowedOrThatItIsFinal() {
        assertThatThrownBy(() -> GATE.next(Gate.WIDE, "push")).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.getMessage()).contains("Gate in state WIDE does not allow 'push'; allowed: [oil, remove]");
        });
        assertThatThrownBy(() -> GATE.next(Gate.GONE, "oil")).hasMessageContaining("it is final");
    }

    @Test
    void aTableThatForgetsARoleOrAStateOrDeclaresAnActionTwiceDoesNotBuild() {
        // a row without .from(..).to(..) or .in(..) does not compile: on(..) offers nothing else
        assertThatThrownBy(() -> Workflow.of("g", Gate.class).on("push").from(Gate.SHUT).to(Gate.AJAR).build())
                .hasMessageContaining("'push' names no role");
        assertThatThrownBy(() -> Workflow.of("g", Gate.class).on("push").from(Gate.SHUT).to(Gate.AJAR).by("X")
                .on("push").from(Gate.AJAR).to(Gate.WIDE)).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> Workflow.of("g", Gate.class).on("push").in().by("X"))
                .hasMessageContaining("names no state");
        assertThatThrownBy(() -> Workflow.of("g", Gate.class).on("push").from(Gate.SHUT).to(Gate.AJAR).by("X")
                .scopes("grid.write").build()).hasMessageContaining("not the SYSTEM role");
    }

    @Test
    void theTableMatchesItsReviewedListing() {
        WorkflowListing.assertMatchesReviewedListing(GATE.name(), GATE.listing());
    }
}
