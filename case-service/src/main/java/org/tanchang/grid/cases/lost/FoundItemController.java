package org.tanchang.grid.cases.lost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.Allowed;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.web.Ranges;

/** Found items (拾得物): intake, reads, the list of an area, and the public notices. */
@RestController
@Tag(name = "Lost property", description = "Lost reports, found items with receipts, ranked matching, the verified "
        + "and signed handover, public notices and disposal after the one-year period")
@LostPropertyProblems
class FoundItemController {

    private final FoundItems items;

    FoundItemController(FoundItems items) {
        this.items = items;
    }

    @PostMapping("/api/found-items")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER})
    @Operation(operationId = "takeInFoundItem",
            summary = "Take in a found item", description = "Gives the finder a receipt number and records the "
            + "custody location. Send an Idempotency-Key to make a retry safe: a repeat by the same caller returns "
            + "the first item and receipt with 200 (keys of different callers never meet).")
    @ApiResponse(responseCode = "201", description = "Found item in custody",
            headers = @Header(name = "Location", description = "URL of the new found item",
                    schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "200", description = "Repeat of the caller's earlier intake with the same "
            + "Idempotency-Key; nothing new was stored")
    ResponseEntity<LostViews.FoundItemView> intake(Caller caller, @Valid @RequestBody LostRequests.IntakeFound body,
            @Parameter(description = "Caller-chosen key (8 to 128 characters) that makes a retried intake return "
                    + "the first result; scoped to the caller", example = "found-desk-20261128-0011")
            @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 8, max = 128)
            String idempotencyKey) {
        Created<FoundItem> found = items.intake(caller, body, idempotencyKey);
        LostViews.FoundItemView view = LostViews.FoundItemView.of(found.value());
        return found.created() ? ResponseEntity.created(URI.create("/api/found-items/" + view.id())).body(view)
                : ResponseEntity.ok(view);
    }

    @GetMapping("/api/found-items")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "listFoundItems",
            summary = "List found items", description = "The found items of the caller's area, newest intake "
            + "first. All filters are optional and combine with AND.")
    @ApiResponse(responseCode = "200", description = "A page of found items")
    Page<LostViews.FoundItemView> listFoundItems(Caller caller,
            @Parameter(example = "NOTICED") @RequestParam(required = false) LostStates.Found status,
            @Parameter(example = "BAG") @RequestParam(required = false) @Pattern(
                    regexp = LostRequests.CATEGORY, message = "must be one of " + LostRequests.CATEGORY)
            String category,
            @Parameter(description = "Custody location, exact", example = "理川派出所失物保管柜3号")
            @RequestParam(required = false) @Size(max = 200) String custodyLocation,
            @Parameter(description = "Taken in at or after", example = "2026-11-01T00:00:00+08:00")
            @RequestParam(required = false) OffsetDateTime receivedFrom,
            @Parameter(description = "Taken in before", example = "2026-12-01T00:00:00+08:00")
            @RequestParam(required = false) OffsetDateTime receivedTo,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Ranges.requireOrdered("receivedFrom", receivedFrom, "receivedTo", receivedTo);
        return items.list(caller, new FoundItems.Filter(status, category, custodyLocation,
                receivedFrom == null ? null : receivedFrom.toInstant(),
                receivedTo == null ? null : receivedTo.toInstant()), page, size);
    }

    @GetMapping("/api/found-items/{id}")
    @Allowed({Roles.OFFICER, Roles.AUXILIARY_OFFICER, Roles.SUPERVISOR})
    @Operation(operationId = "getFoundItem",
            summary = "Get a found item", description = "With its handover or disposal record once there is one.")
    @ApiResponse(responseCode = "200", description = "The found item")
    LostViews.FoundItemView found(Caller caller, @PathVariable String id) {
        return LostViews.FoundItemView.of(items.get(caller, id));
    }

    @GetMapping("/api/public/lost-property-notices")
    @PublicEndpoint
    @Operation(operationId = "listLostPropertyNotices",
            summary = "Public lost-property notices", description = "Found items under public notice, newest "
            + "first, with the date until which they can be claimed. No token needed; no personal data.")
    @ApiResponse(responseCode = "200", description = "Notices")
    Page<LostViews.NoticeView> notices(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return items.notices(page, size);
    }
}
