package org.tanchang.grid.gateway;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway produces itself (no route, wrong method, too large, no instance, anything unexpected) as
 * a problem, never Boot's whitelabel JSON or a stack trace. Ordered before Boot's {@code ErrorWebExceptionHandler}
 * (-1) so that one never sees an exception. Details are fixed texts: exception messages may name internal hosts
 * or classes.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper json;
    private final GatewayProperties properties;

    ProblemExceptionHandler(JsonMapper json, GatewayProperties properties) {
        this.json = json;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error); // half a body is out; nothing sensible can follow it
        }
        if (error instanceof ClientAuthorizationException) {
            return signInAgain(exchange, error);
        }
        RequestIds ids = RequestIds.of(exchange);
        HttpStatusCode status = statusOf(error);
        String method = exchange.getRequest().getMethod().name();
        if (status.value() == 500) { // a bug or an unforeseen failure: the stack trace goes to the log only
            ids.log(() -> log.error("{} {} failed", method, ids.originalPath(), error));
        } else if (status.is5xxServerError()) {
            ids.log(() -> log.warn("{} {} answered {}: {}", method, ids.originalPath(), status.value(), error.toString()));
        }
        ProblemDetail problem = GatewayProblems.of(status, error instanceof RejectedRequestException rejected ? rejected.detail()
                : detail(status, method, ids.originalPath()), ids);

        HttpHeaders headers = response.getHeaders();
        if (error instanceof ErrorResponse errorResponse) {
            headers.addAll(errorResponse.getHeaders()); // Allow on 405, Accept on 415
        }
        if (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfter().toSeconds()));
        }
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(status);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /**
     * The console's session could not give TokenRelay an access token (the refresh token expired or was revoked, or
     * the auth server refused it): the session is over, and the page is told to sign in again.
     */
    private Mono<Void> signInAgain(ServerWebExchange exchange, Throwable error) {
        RequestIds ids = RequestIds.of(exchange);
        ids.log(() -> log.info("{} {}: the session's tokens could not be renewed: {}",
                exchange.getRequest().getMethod().name(), ids.originalPath(), error.getMessage()));
        return exchange.getSession().flatMap(WebSession::invalidate)
                .then(SecurityConfiguration.problem(exchange, HttpStatus.UNAUTHORIZED, json,
                        "The sign-in has expired; sign in again", null));
    }

    private static HttpStatusCode statusOf(Throwable error) {
        if (error instanceof ErrorResponse errorResponse) { // ResponseStatusException and the framework's 4xx
            return errorResponse.getStatusCode();
        }
        if (error instanceof DataBufferLimitException) {
            return HttpStatus.CONTENT_TOO_LARGE;
        }
        if (error instanceof TimeoutException) {
            return HttpStatus.GATEWAY_TIMEOUT;
        }
        if (error instanceof ConnectException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private String detail(HttpStatusCode status, String method, String path) {
        return switch (status.value()) {
            case 400 -> "The request could not be read";
            case 403 -> "Cross-origin requests from this origin are not allowed"; // the gateway's only 403: CORS
            case 404 -> "There is nothing at " + path;
            case 405 -> method + " is not allowed on " + path;
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The request body is larger than " + properties.maxRequestSize().toKilobytes() + " KB";
            case 415 -> "The request's content type is not supported here";
            case 429 -> "Too many requests from this caller; wait as Retry-After says";
            case 502 -> "A service answered the gateway with an invalid response";
            case 503 -> "The service for " + path + " is unavailable; try again shortly";
            case 504 -> "The service for " + path + " did not answer in time";
            default -> status.is5xxServerError()
                    ? "The request could not be completed; quote the request id when reporting it"
                    : "The request was refused";
        };
    }
}
