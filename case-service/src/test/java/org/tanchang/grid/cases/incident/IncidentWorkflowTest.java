package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.security.AreaScope;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.test.WorkflowListing;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.workflow.Step;

/** The table against its reviewed listing, and the actions' effects on a plain incident, without Spring or a store. */
class IncidentWorkflowTest {

    @Test
    void theTableIsTheReviewedOne() {
        WorkflowListing.assertMatchesReviewedListing(IncidentWorkflow.TABLE.name(), IncidentWorkflow.TABLE.listing());
    }

    @Test
    void onlyTheDispatchedOfficerAccepts() {
        Incident incident = dispatchedTo("po-wang-hai");

        assertThatThrownBy(() -> IncidentActions.byTheDispatchedOfficer().apply(incident, step(incident, "accept", "po-li")))
                .isInstanceOf(ProblemException.class).hasMessageContaining("only that officer may accept it");
        IncidentActions.byTheDispatchedOfficer().apply(incident, step(incident, "accept", "po-wang-hai"));
        assertThat(incident.officerId).isEqualTo("po-wang-hai");
    }

    @Test
    void aReturnClearsTheOfficerForTheNextDispatch() {
        Incident incident = dispatchedTo("po-wang-hai");

        IncidentActions.clearOfficer().apply(incident, step(incident, "return", "po-wang-hai"));

        assertThat(incident.officerId).isNull();
        assertThat(incident.officerName).isNull();
        assertThat(incident.state).as("the state is the procedure's, not the effect's").isEqualTo(
                IncidentState.DISPATCHED);
    }

    @Test
    void aRatingIsKept() {
        Incident incident = new Incident();
        incident.state = IncidentState.CLOSED;

        IncidentActions.rate(4).apply(incident, step(incident, "evaluate", "citizen-1"));

        assertThat(incident.rating).isEqualTo(4);
    }

    private static Incident dispatchedTo(String officer) {
        Incident incident = new Incident();
        incident.id = "inc-1";
        incident.state = IncidentState.DISPATCHED;
        incident.officerId = officer;
        incident.officerName = "王海";
        return incident;
    }

    /** The step as the engine hands it to the effect: from the incident's state to where the table leads. */
    private static Step<IncidentState> step(Incident incident, String action, String subject) {
        Caller caller = new Caller(subject, subject, Set.of(Roles.OFFICER), AreaScope.none(), "tanchang-app", null);
        return new Step<>(action, incident.state, IncidentWorkflow.TABLE.next(incident.state, action), caller,
                Instant.parse("2026-12-07T02:00:00Z"), null);
    }
}
