package org.tanchang.grid.petition.request;

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

/**
 * The problem responses the window's operations document, each once: an operation names them instead of repeating
 * the same {@code @ApiResponse} block (springdoc reads {@code @ApiResponse} through meta-annotations, with the
 * status and description given at the use where they vary).
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** 400 without an example body. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", content = @Content(mediaType = Docs.PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface BadRequest {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }



    /** 404 without an example body. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", content = @Content(mediaType = Docs.PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface NotFoundBare {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 409 without an example body. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "409", content = @Content(mediaType = Docs.PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface Conflict {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 422 without an example body. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "422", content = @Content(mediaType = Docs.PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class)))
    public @interface Unprocessable {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 400 with the validation example. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", content = @Content(mediaType = Docs.PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = Docs.VALIDATION)))
    public @interface Invalid {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }



    /** 404 with the not-found example. */
    @Target({ElementType.METHOD, ElementType.TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", content = @Content(mediaType = Docs.PROBLEM,
            schema = @Schema(implementation = ProblemDetail.class), examples = @ExampleObject(value = Docs.NOT_FOUND)))
    public @interface NotFound {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }
}
