package org.tanchang.grid.petition.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** Public on purpose: a citizen reads what to bring before signing in (also listed in tanchang.security.public-paths). */
@RestController
@PublicEndpoint
@RequestMapping("/api/service-items")
@Tag(name = "Service catalogue", description = "What a citizen can request at the one-window service centre "
        + "(一站式服务窗口): household registration, ID cards, residence permits, exit-entry, public-order permits, "
        + "traffic violations, vehicles and drivers, with the materials to bring and the promised time limit")
class ServiceItemController {

    private static final String PROBLEM = "application/problem+json";

    private final MongoOperations mongo;

    ServiceItemController(MongoOperations mongo) {
        this.mongo = mongo;
    }

    @GetMapping
    @Operation(operationId = "listServiceItems", summary = "List service items", description = "Ordered by code. Filter by category and by whether "
            + "the item is finished at the window while the citizen waits (instant).")
    @ApiResponse(responseCode = "200", description = "A page of service items")
    @ApiResponse(responseCode = "400", description = "Invalid filter or paging (size is at most 100)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = """
                            {"type":"urn:tanchang-grid:problem:validation","title":"Validation failed","status":400,
                             "detail":"1 field is invalid","instance":"/api/service-items",
                             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
                             "errors":[{"field":"size","message":"must be less than or equal to 100"}]}""")))
    Page<ServiceItemView> list(
            @Parameter(example = "ID_CARD") @RequestParam(required = false) ServiceCategory category,
            @Parameter(description = "true: only instant items (即办件); false: only items with a longer time limit",
                    example = "true") @RequestParam(required = false) Boolean instant,
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Query query = Filters.where().is("category", category).is("instant", instant).query();
        return Page.query(mongo, query, ServiceItem.class, Sort.by("code"), page, size, ServiceItemView::of);
    }

    @GetMapping("/{code}")
    @Operation(operationId = "getServiceItem", summary = "Get a service item", description = "One item of the catalogue by its code.")
    @ApiResponse(responseCode = "200", description = "The service item")
    @ApiResponse(responseCode = "404", description = "No item with this code",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class),
                    examples = @ExampleObject(value = """
                            {"type":"urn:tanchang-grid:problem:not-found","title":"Not found","status":404,
                             "detail":"Service item XX-NOTHING does not exist","instance":"/api/service-items/XX-NOTHING",
                             "requestId":"5b0f6a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b"}""")))
    ServiceItemView get(@Parameter(example = "HR-TRANSFER") @PathVariable String code) {
        ServiceItem item = mongo.findById(code, ServiceItem.class);
        if (item == null) {
            throw ProblemException.notFound("Service item", code);
        }
        return ServiceItemView.of(item);
    }
}
