package org.tanchang.grid.gridservice;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;

/**
 * The problem responses grid-service's operations document, each once: an operation names them (with what it says
 * of the case) instead of repeating the same {@code @ApiResponse} block; springdoc reads {@code @ApiResponse} through
 * meta-annotations.
 */
public final class ProblemResponses {

    static final String PROBLEM = "application/problem+json";

    private ProblemResponses() {
    }

    /** 400. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", content = @Content(mediaType = PROBLEM))
    public @interface BadRequest {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }



    /** 404. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", content = @Content(mediaType = PROBLEM))
    public @interface NotFound {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 409. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "409", content = @Content(mediaType = PROBLEM))
    public @interface Conflict {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 422. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "422", content = @Content(mediaType = PROBLEM))
    public @interface Unprocessable {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }
}
