package org.tanchang.grid.petition.bundle;

import org.springframework.web.bind.annotation.RequestParam;
import org.tanchang.grid.petition.request.ProblemResponses.NotFoundBare;
import org.tanchang.grid.platform.web.Page;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.problem.ProblemException;

/** Public like the item catalogue: a citizen reads the bundle's form before signing in. */
@RestController
@PublicEndpoint
@Tag(name = "One-thing bundles")
class BundleCatalogueController {

    private final BundleDefinitions definitions;

    BundleCatalogueController(BundleDefinitions definitions) {
        this.definitions = definitions;
    }

    @GetMapping("/api/service-bundles")
    @Operation(operationId = "listServiceBundles", summary = "List bundles",
            description = "Every \"one thing\" bundle with its form and items.")
    @ApiResponse(responseCode = "200", description = "A page of the bundles")
    Page<BundleDefinition> list(
            @Parameter(description = "0-based page number", example = "0")
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @Parameter(description = "Page size, 1 to 100", example = "20")
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return Page.slice(definitions.all(), page, size);
    }

    @GetMapping("/api/service-bundles/{code}")
    @Operation(operationId = "getServiceBundle", summary = "Get a bundle", description = "One bundle by code.")
    @ApiResponse(responseCode = "200", description = "The bundle")
    @NotFoundBare("No such bundle")
    BundleDefinition get(@Parameter(example = "ONE-CHILD-BIRTH") @PathVariable String code) {
        return definitions.find(code).orElseThrow(() -> ProblemException.notFound("Bundle", code));
    }
}
