package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.ProblemDetail;

/**
 * The responses every incident workflow step answers, declared once for the two controllers that share the steps
 * (springdoc reads {@code @ApiResponse} through this meta-annotation).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "200", description = "The incident after the step")
@ApiResponse(responseCode = "400", description = "Invalid body; nothing was changed",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "403", description = "The caller's role may not take this step (or a dispatch into a "
        + "grid outside the caller's area, or an accept by another officer than the one dispatched to)",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "404", description = "No such incident in the caller's area",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class)))
@ApiResponse(responseCode = "409", description = "The current state does not allow this step (the problem lists the "
        + "allowed actions), or the incident changed meanwhile",
        content = @Content(mediaType = "application/problem+json",
                schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = """
                        {"type":"urn:tanchang-grid:problem:conflict","title":"Conflict with the current state",
                         "status":409,"detail":"IncidentState in state REPORTED does not allow 'accept'; allowed: \
                        [register, void]","state":"REPORTED","action":"accept","allowed":["register","void"]}""")))
@interface IncidentStepResponses {
}
