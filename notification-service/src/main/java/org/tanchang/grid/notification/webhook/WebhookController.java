package org.tanchang.grid.notification.webhook;

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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.notification.inbox.ProblemResponses.Invalid;
import org.tanchang.grid.notification.inbox.ProblemResponses.NotFound;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.web.Page;

/**
 * Webhook subscriptions of other systems: each belongs to the client that made it (an administrator's to the person);
 * another client gets 404 for it, in lists, reads and deletes alike. A system subscribes only to the kinds its client
 * scopes let it read, and is sent only the messages of its areas.
 */
@RestController
@RequestMapping("/api/notifications/webhooks")
@Tag(name = "Webhook subscriptions", description = "Other systems called back, signed with HMAC-SHA256 over "
        + "timestamp + '.' + body (headers X-Tanchang-Signature, X-Tanchang-Timestamp, X-Tanchang-Delivery)")
class WebhookController {

    private final WebhookSubscriptions subscriptions;

    WebhookController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @GetMapping
    @Allowed(value = {Roles.SYSTEM, Roles.ADMIN}, scopes = Scopes.NOTIFICATIONS_READ)
    @Operation(operationId = "listWebhookSubscriptions",
            summary = "List my webhook subscriptions", description = "The caller's own subscriptions (those of "
            + "its OAuth client), newest first, without their secrets.")
    @ApiResponse(responseCode = "200", description = "A page of subscriptions")
    @Invalid("Invalid paging")
    Page<WebhookView> list(Caller caller,
            @Parameter(example = "0") @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(example = "20") @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return subscriptions.list(caller, page, size);
    }

    @GetMapping("/{id}")
    @Allowed(value = {Roles.SYSTEM, Roles.ADMIN}, scopes = Scopes.NOTIFICATIONS_READ)
    @Operation(operationId = "getWebhookSubscription",
            summary = "Get one of my webhook subscriptions", description = "Without its secret; another client's "
            + "subscription is not found.")
    @ApiResponse(responseCode = "200", description = "The subscription")
    @NotFound("No such subscription of the caller")
    WebhookView get(Caller caller, @Parameter(example = "wh-5c1e0b7a9d2f") @PathVariable String id) {
        return subscriptions.get(caller, id);
    }

    @PostMapping
    @Allowed(value = {Roles.SYSTEM, Roles.ADMIN}, scopes = Scopes.NOTIFICATIONS_WRITE)
    @Operation(operationId = "createWebhookSubscription",
            summary = "Subscribe a webhook", description = "From now on every message of the wanted kinds about "
            + "the caller's areas is POSTed to the url as JSON, signed; a receiver answers 2xx, else the call is "
            + "retried with exponential backoff and, after the bounded attempts, dead (an administrator can replay "
            + "it). A system may subscribe only to kinds its client scopes let it read (CASE_* and LOST_* need "
            + "cases.read, DISPUTE_* and FOLLOW_UP_* mediation.read, REQUEST_* petition.read, patrol kinds "
            + "grid.read); without kinds it gets all of those. Messages without an area go to county-wide "
            + "subscribers only.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"name":"县综治中心值班系统","url":"https://zzzx.tanchang.example/hooks/grid",
             "secret":"b3f1c0e29a8d4c7e9f6a5b4c3d2e1f0a9b8c7d6e","kinds":["CASE_OVERDUE"],"language":"zh-CN"}""")))
    @ApiResponse(responseCode = "201", description = "Subscribed; Location names it")
    @Invalid("Invalid subscription; nothing stored")
    ResponseEntity<WebhookView> create(Caller caller, @Valid @RequestBody WebhookRequest request) {
        WebhookView created = subscriptions.create(caller, request);
        return ResponseEntity.created(URI.create("/api/notifications/webhooks/" + created.id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Allowed(value = {Roles.SYSTEM, Roles.ADMIN}, scopes = Scopes.NOTIFICATIONS_WRITE)
    @Operation(operationId = "deleteWebhookSubscription",
            summary = "End a webhook subscription", description = "No further messages are sent to it, not even "
            + "retries of earlier ones. Idempotent.")
    @ApiResponse(responseCode = "204", description = "Ended")
    @NotFound("No such subscription of the caller")
    ResponseEntity<Void> delete(Caller caller, @Parameter(example = "wh-5c1e0b7a9d2f") @PathVariable String id) {
        subscriptions.deactivate(caller, id);
        return ResponseEntity.noContent().build();
    }
}
