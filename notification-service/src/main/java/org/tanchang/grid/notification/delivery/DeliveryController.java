package org.tanchang.grid.notification.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.notification.inbox.ProblemResponses.Invalid;
import org.tanchang.grid.notification.inbox.ProblemResponses.NotFound;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.web.ProblemExamples;

/**
 * Deliveries for operators: what was sent, what waits and what died, and a replay of a dead one. Deliveries of
 * all areas (and of none: requests, webhooks) are here, so only a county-wide administrator operates them.
 */
@RestController
@RequestMapping("/api/notifications/deliveries")
@Tag(name = "Deliveries", description = "Operators' view of deliveries per channel, dead letters and their replay")
class DeliveryController {

    private static final String PROBLEM = "application/problem+json";

    private final DeliveryOperations operations;
    private final String countyCode;

    DeliveryController(DeliveryOperations operations, @Value("${tanchang.notification.county-code}") String countyCode) {
        this.operations = operations;
        this.countyCode = countyCode;
    }

    @GetMapping
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "listDeliveries",
            summary = "List deliveries", description = "Deliveries newest first, optionally of one status (e.g. "
            + "DEAD, the dead letters), channel or recipient. County-wide administrators only.")
    @ApiResponse(responseCode = "200", description = "A page of deliveries")
    @Invalid("Invalid filter or paging")
    Page<DeliveryView> list(Caller caller,
            @Parameter(description = "Only this status", example = "DEAD") @RequestParam(required = false)
            DeliveryStatus status,
            @Parameter(description = "Only this channel", example = "WEBHOOK") @RequestParam(required = false)
            Channel channel,
            @Parameter(description = "Only to this recipient", example = "citizen-yang")
            @RequestParam(required = false) @Size(min = 1, max = 128) String recipientId,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, at most 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        requireCounty(caller);
        return operations.list(status, channel, recipientId, page, size);
    }

    @PostMapping("/{id}/replay")
    @Allowed(Roles.ADMIN)
    @Operation(operationId = "replayDelivery",
            summary = "Replay a dead delivery", description = "Gives a DEAD delivery a fresh round of attempts, "
            + "due now. The message is the one rendered at the time; a delivery in any other status is a conflict, "
            + "so nothing is sent twice.")
    @ApiResponse(responseCode = "200", description = "The delivery, PENDING again")
    @NotFound("No such delivery")
    @ApiResponse(responseCode = "409", description = "The delivery is not DEAD", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = ProblemExamples.CONFLICT)))
    DeliveryView replay(Caller caller,
            @Parameter(example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-webhook:wh-1-WEBHOOK") @PathVariable String id) {
        requireCounty(caller);
        return operations.replay(id);
    }

    private void requireCounty(Caller caller) {
        if (!caller.scope().covers(countyCode)) {
            throw ProblemException.forbidden("Deliveries are operated county-wide only");
        }
    }
}
