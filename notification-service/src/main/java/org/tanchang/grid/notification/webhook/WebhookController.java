package org.tanchang.grid.notification.webhook;

import static org.tanchang.grid.notification.inbox.InboxProblemExamples.COUNTY_ONLY;
import static org.tanchang.grid.notification.inbox.InboxProblemExamples.UNAUTHORIZED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemException;
import org.tanchang.grid.platform.web.ProblemExamples;

/** Webhook subscriptions of other systems: county-wide systems and administrators keep them. */
@RestController
@RequestMapping("/api/notifications/webhooks")
@Tag(name = "Webhook subscriptions", description = "Other systems called back, signed with HMAC-SHA256 over "
        + "timestamp + '.' + body (headers X-Tanchang-Signature, X-Tanchang-Timestamp, X-Tanchang-Delivery)")
class WebhookController {

    private static final String PROBLEM = "application/problem+json";

    private final WebhookSubscriptions subscriptions;
    private final String countyCode;

    WebhookController(WebhookSubscriptions subscriptions,
            @Value("${tanchang.notification.county-code}") String countyCode) {
        this.subscriptions = subscriptions;
        this.countyCode = countyCode;
    }

    @GetMapping
    @Allowed(value = {Roles.SYSTEM, Roles.ADMIN}, scopes = Scopes.NOTIFICATIONS_READ)
    @Operation(summary = "List webhook subscriptions", description = "All subscriptions, newest first, without "
            + "their secrets.")
    @ApiResponse(responseCode = "200", description = "A page of subscriptions")
    @ApiResponse(responseCode = "400", description = "Invalid paging", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "Not a county-wide system or administrator", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = COUNTY_ONLY)))
    Page<WebhookView> list(Caller caller,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        requireCounty(caller);
        return subscriptions.list(page, size);
    }

    @PostMapping
    @Allowed(value = {Roles.SYSTEM, Roles.ADMIN}, scopes = Scopes.NOTIFICATIONS_WRITE)
    @Operation(summary = "Subscribe a webhook", description = "From now on every message of the wanted kinds is "
            + "POSTed to the url as JSON, signed; a receiver answers 2xx, else the call is retried with exponential "
            + "backoff and, after the bounded attempts, dead (an administrator can replay it).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"name":"县综治中心值班系统","url":"https://zzzx.tanchang.example/hooks/grid",
             "secret":"b3f1c0e29a8d4c7e9f6a5b4c3d2e1f0a9b8c7d6e","kinds":["CASE_OVERDUE"],"language":"zh-CN"}""")))
    @ApiResponse(responseCode = "201", description = "Subscribed; Location names it")
    @ApiResponse(responseCode = "400", description = "Invalid subscription; nothing stored", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "Not a county-wide system or administrator", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = COUNTY_ONLY)))
    ResponseEntity<WebhookView> create(Caller caller, @Valid @RequestBody WebhookRequest request) {
        requireCounty(caller);
        WebhookView created = subscriptions.create(caller, request);
        return ResponseEntity.created(URI.create("/api/notifications/webhooks/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Allowed(value = {Roles.SYSTEM, Roles.ADMIN}, scopes = Scopes.NOTIFICATIONS_WRITE)
    @Operation(summary = "End a webhook subscription", description = "No further messages are sent to it, not even "
            + "retries of earlier ones. Idempotent.")
    @ApiResponse(responseCode = "204", description = "Ended")
    @ApiResponse(responseCode = "401", description = "No valid token", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = UNAUTHORIZED)))
    @ApiResponse(responseCode = "403", description = "Not a county-wide system or administrator", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = COUNTY_ONLY)))
    @ApiResponse(responseCode = "404", description = "No such subscription", content = @Content(
            mediaType = PROBLEM, examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    ResponseEntity<Void> delete(Caller caller, @Parameter(example = "wh-5c1e0b7a9d2f") @PathVariable String id) {
        requireCounty(caller);
        subscriptions.deactivate(id);
        return ResponseEntity.noContent().build();
    }

    private void requireCounty(Caller caller) {
        if (!caller.scope().covers(countyCode)) {
            throw ProblemException.forbidden("Webhook subscriptions are kept county-wide only");
        }
    }
}
