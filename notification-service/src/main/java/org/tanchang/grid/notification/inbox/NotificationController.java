package org.tanchang.grid.notification.inbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.ProblemExamples;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications", description = "What the suite tells people about the matters that concern them; "
        + "recorded from the other services' events")
class NotificationController {

    private final Inbox inbox;

    NotificationController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "List notifications", description = "Newest first, optionally of one recipient, about one "
            + "subject (e.g. a patrol report), of one grid, or only unread (unread=true) or read (unread=false) ones.")
    @ApiResponse(responseCode = "200", description = "A page of notifications")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    Page<NotificationView> list(
            @Parameter(description = "Recipient id", example = "officer-lichuan-01")
            @RequestParam(required = false) @Size(min = 1, max = 64) String recipientId,
            @Parameter(description = "Id of the thing notified about", example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c")
            @RequestParam(required = false) @Size(min = 1, max = 128) String subjectId,
            @Parameter(description = "15-digit grid code", example = "621223101001001")
            @RequestParam(required = false) @Pattern(regexp = "\\d{15}") String gridCode,
            @Parameter(description = "true: only unread; false: only read; absent: both", example = "true")
            @RequestParam(required = false) Boolean unread,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, at most 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return inbox.list(recipientId, subjectId, gridCode, unread, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a notification", description = "One notification by its id.")
    @ApiResponse(responseCode = "200", description = "The notification")
    @ApiResponse(responseCode = "404", description = "No such notification", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    NotificationView get(@Parameter(example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX")
            @PathVariable String id) {
        return inbox.get(id);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark a notification read", description = "Sets readAt to now. Idempotent: marking an "
            + "already read notification again keeps the first readAt and returns it unchanged.")
    @ApiResponse(responseCode = "200", description = "The notification, read")
    @ApiResponse(responseCode = "404", description = "No such notification", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    NotificationView markRead(@Parameter(example = "7d0f1c2e-9b8a-4c3d-8e6f-5a4b3c2d1e0f-officer-lichuan-01-INBOX")
            @PathVariable String id) {
        return inbox.markRead(id);
    }
}
