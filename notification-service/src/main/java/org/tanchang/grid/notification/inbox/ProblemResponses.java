package org.tanchang.grid.notification.inbox;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.tanchang.grid.platform.web.ProblemExamples;

/**
 * The problem responses this service's operations document, each once: an operation names them instead of repeating
 * the same {@code @ApiResponse} block (springdoc reads {@code @ApiResponse} through meta-annotations, with the
 * description given at the use).
 */
public final class ProblemResponses {

    static final String PROBLEM = "application/problem+json";

    private ProblemResponses() {
    }

    /** 400: a parameter or the body is invalid. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "400", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(value = ProblemExamples.VALIDATION)))
    public @interface Invalid {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }




    /** 404 of an object the caller does not own (which looks the same as a missing one). */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(value = ProblemExamples.NOT_FOUND)))
    public @interface NotFound {
        @AliasFor(annotation = ApiResponse.class, attribute = "description")
        String value();
    }

    /** 404 of a notification not in the caller's inbox. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ApiResponse(responseCode = "404", description = "No such notification in the caller's inbox",
            content = @Content(mediaType = PROBLEM, examples = @ExampleObject(value = InboxProblemExamples.NOT_FOUND)))
    public @interface NotInInbox {
    }
}
