package org.tanchang.grid.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.notification.inbox.ProblemResponses.Invalid;
import org.tanchang.grid.notification.inbox.ProblemResponses.NotInInbox;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.web.Page;

/**
 * The caller's own inbox. Every signed-in role has one, so every role may call these endpoints, but each shows and
 * changes only the notifications addressed to the caller: an inbox is a person's, not an area's, so not even a
 * county supervisor reads someone else's.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "The caller's inbox: what the suite tells them about the matters that "
        + "concern them, recorded from the other services' events")
class NotificationController {

    private final Inbox inbox;
    private final InboxStreams streams;

    NotificationController(Inbox inbox, InboxStreams streams) {
        this.inbox = inbox;
        this.streams = streams;
    }

    @GetMapping
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.NOTIFICATIONS_READ)
    @Operation(operationId = "listNotifications",
            summary = "List my notifications", description = "The caller's own notifications, newest first, "
            + "optionally about one subject (e.g. a patrol report), of one grid, or only unread (unread=true) or read "
            + "(unread=false) ones.")
    @ApiResponse(responseCode = "200", description = "A page of the caller's notifications")
    @Invalid("Invalid filter or paging")
    Page<NotificationView> list(Caller caller,
            @Parameter(description = "Id of the thing notified about", example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c")
            @RequestParam(required = false) @Size(min = 1, max = 128) String subjectId,
            @Parameter(description = "15-digit grid code", example = "\"621223101001001\"")
            @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(description = "true: only unread; false: only read; absent: both", example = "true")
            @RequestParam(required = false) Boolean unread,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, at most 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return inbox.list(caller, subjectId, gridCode, unread, page, size);
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.NOTIFICATIONS_READ)
    @Operation(operationId = "streamNotifications",
            summary = "Stream my new notifications", description = "Server-Sent Events: each new notification in "
            + "the caller's inbox arrives as an event named 'notification' (id = notification id, data = the "
            + "notification as JSON), with a keep-alive comment now and then. With 'since', the caller's unread "
            + "notifications recorded after that time (at most 100) come first, so a client that reconnects misses "
            + "nothing. The server closes the stream after maxSeconds (default and cap: the configured timeout) and "
            + "when the instance shuts down; clients reconnect.")
    @ApiResponse(responseCode = "200", description = "The event stream", content = @Content(
            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string",
                    description = "Server-Sent Events; each data line is a Notification as JSON"),
            examples = @ExampleObject(value = """
                    id:7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX
                    event:notification
                    data:{"id":"7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX","kind":"CASE_ACCEPTED",...}
                    """)))
    @Invalid("Invalid since or maxSeconds")
    SseEmitter stream(Caller caller,
            @Parameter(description = "Replay my unread notifications recorded after this time first",
                    example = "2026-05-12T08:00:00+08:00")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime since,
            @Parameter(description = "Close the stream after this many seconds", example = "1800")
            @RequestParam(required = false) @Min(1) @Max(86_400) Integer maxSeconds) {
        return streams.open(caller, since, maxSeconds);
    }

    @GetMapping("/{id}")
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.NOTIFICATIONS_READ)
    @Operation(operationId = "getNotification",
            summary = "Get one of my notifications", description = "One of the caller's notifications by its id. "
            + "Someone else's notification is not found, exactly like one that does not exist.")
    @ApiResponse(responseCode = "200", description = "The notification")
    @NotInInbox
    NotificationView get(Caller caller,
            @Parameter(example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX")
            @PathVariable String id) {
        return inbox.get(caller, id);
    }

    @PostMapping("/{id}/read")
    @Allowed(value = {Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.GRID_MEMBER, Roles.MEDIATOR, Roles.WINDOW_CLERK,
            Roles.SUPERVISOR, Roles.ADMIN, Roles.CITIZEN, Roles.SYSTEM}, scopes = Scopes.NOTIFICATIONS_WRITE)
    @Operation(operationId = "markNotificationRead",
            summary = "Mark one of my notifications read", description = "Sets readAt to now. Idempotent: marking "
            + "an already read notification again keeps the first readAt and returns it unchanged. Someone else's "
            + "notification is not found and stays as it is.")
    @ApiResponse(responseCode = "200", description = "The notification, read")
    @NotInInbox
    NotificationView markRead(Caller caller,
            @Parameter(example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX")
            @PathVariable String id) {
        return inbox.markRead(caller, id);
    }
}
