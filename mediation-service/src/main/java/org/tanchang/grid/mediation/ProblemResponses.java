package org.tanchang.grid.mediation;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.http.ProblemDetail;
import org.tanchang.grid.platform.web.ProblemExamples;

/**
 * The problem responses mediation's operations document, each once with its example: an operation names them (with
 * what it says of the case) instead of repeating the same {@code @ApiResponse} block; springdoc reads
 * {@code @ApiResponse} through meta-annotations.
 */
public final class ProblemResponses {

    static final String PROBLEM = "application/problem+json";

    private ProblemResponses() {
    }

    /** 400 with the validation example. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    public @interface Invalid {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }



    /** 404 with the not-found example. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", content = @Content(mediaType = PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class),
            examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    public @interface NotFound {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }
}
