package org.tanchang.grid.platform.testapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.workflow.DeadlineTrack;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;
import org.tanchang.grid.platform.workflow.WorkflowStep;

/** Step endpoints declared by their table: the roles, the 409s and the OpenAPI arrow come from DoorWorkflow. */
@RestController
class DoorController {

    record Remark(String remark) {
    }

    private final MongoTemplate mongo;
    private final Steps steps;
    private final DoorWorkflow procedure;

    DoorController(MongoTemplate mongo, Steps steps, DoorWorkflow procedure) {
        this.mongo = mongo;
        this.steps = steps;
        this.procedure = procedure;
    }

    @PostMapping("/api/doors/{id}/open")
    @WorkflowStep(of = DoorWorkflow.class, value = "open")
    @Operation(operationId = "openDoor", summary = "Open the door", description = "Starts the hour it may stay open.")
    Map<String, Object> open(Caller caller, @PathVariable String id, @RequestBody Remark body) {
        return view(steps.take(procedure, load(caller, id), caller, "open", body.remark(), Effect.none()));
    }

    @PostMapping("/api/doors/{id}/close")
    @WorkflowStep(of = DoorWorkflow.class, value = "close")
    @Operation(operationId = "closeDoor", summary = "Close the door")
    Map<String, Object> close(Caller caller, @PathVariable String id, @RequestBody Remark body) {
        return view(steps.take(procedure, load(caller, id), caller, "close", body.remark(), Effect.none()));
    }

    @PostMapping("/api/doors/{id}/lock")
    @WorkflowStep(of = DoorWorkflow.class, value = "lock")
    @Operation(operationId = "lockDoor", summary = "Lock the door")
    Map<String, Object> lock(Caller caller, @PathVariable String id, @RequestBody Remark body) {
        return view(steps.take(procedure, load(caller, id), caller, "lock", body.remark(), Effect.none()));
    }

    @PostMapping("/api/doors/{id}/knock")
    @WorkflowStep(of = DoorWorkflow.class, value = "knock")
    @Operation(operationId = "knockOnDoor", summary = "Knock", description = "Leaves a note; a blank one is refused.")
    @ApiResponse(responseCode = "200", description = "Knocked")
    @ApiResponse(responseCode = "422", description = "A blank note", content = @Content(
            mediaType = "application/problem+json"))
    Map<String, Object> knock(Caller caller, @PathVariable String id, @RequestBody Remark body) {
        return view(steps.take(procedure, load(caller, id), caller, "knock", body.remark(), DoorController::leaveNote));
    }

    /** The knock's own rule and change, a plain function of the door. */
    static void leaveNote(Door door, org.tanchang.grid.platform.workflow.Step<Door.State> step) {
        if (step.remark() == null || step.remark().isBlank()) {
            throw ProblemException.unprocessable("blank-note", "Blank note", "A knock leaves a note");
        }
        door.note = step.remark();
    }

    /** In the caller's area or not at all: a door elsewhere is a 404 like a missing one. */
    private Door load(Caller caller, String id) {
        Door door = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null))), Door.class);
        if (door == null) {
            throw ProblemException.notFound("Door", id);
        }
        return door;
    }

    private static Map<String, Object> view(Door door) {
        return Map.of("id", door.id, "state", door.state.name(), "version", door.version,
                "note", door.note == null ? "" : door.note);
    }

    @Configuration(proxyBeanMethods = false)
    static class Tracks {

        @Bean
        DeadlineTrack<Door> doorLeftOpen(DoorWorkflow doors) {
            return DeadlineTrack.of("door-open", Door.class, "deadline", doors::raise);
        }
    }
}
