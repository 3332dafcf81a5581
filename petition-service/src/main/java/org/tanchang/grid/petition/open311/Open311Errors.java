package org.tanchang.grid.petition.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Errors of the facade as the specification has them, not as problem+json: a list of {code, description} (JSON
 * array, or {@code <errors><error>}) with the HTTP status. A validation problem gives one error per field. Only a
 * token that is presented but invalid is answered by the platform's filter (401 problem+json) before this runs.
 */
@RestControllerAdvice(basePackageClasses = Open311Errors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<Open311Model.Errors> facade(Open311Exception e, HttpServletRequest request) {
        return errors(request, e.status, List.of(new Open311Model.Error(e.status.value(), e.getMessage())));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Open311Model.Errors> problem(ProblemException e, HttpServletRequest request) {
        int code = e.status().value();
        List<Open311Model.Error> errors = e.properties().get("errors") instanceof List<?> fields && !fields.isEmpty()
                ? fields.stream().map(f -> new Open311Model.Error(code, describe(f))).toList()
                : List.of(new Open311Model.Error(code, e.getMessage()));
        ResponseEntity<Open311Model.Errors> response = errors(request, e.status(), errors);
        return e.status() == HttpStatus.UNAUTHORIZED ? ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders()).header("WWW-Authenticate", "Bearer").body(response.getBody())
                : response;
    }

    /** Spring's own errors (missing or mistyped parameters, unsupported media type): their status and reason. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Open311Model.Errors> other(Exception e, HttpServletRequest request) {
        HttpStatusCode status = e instanceof ErrorResponse spring ? spring.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.is5xxServerError()) {
            log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        }
        String description = e instanceof ErrorResponse spring && spring.getBody().getDetail() != null
                ? spring.getBody().getDetail() : "The request could not be completed";
        return errors(request, status, List.of(new Open311Model.Error(status.value(), description)));
    }

    private static ResponseEntity<Open311Model.Errors> errors(HttpServletRequest request, HttpStatusCode status,
            List<Open311Model.Error> errors) {
        return Open311Format.ofPath(request.getRequestURI()).answer(status, new Open311Model.Errors(errors));
    }

    private static String describe(Object field) {
        if (field instanceof FieldError error) {
            return Open311Names.of(error.field()) + ": " + error.message();
        }
        return String.valueOf(field);
    }
}
