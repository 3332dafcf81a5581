package org.tanchang.grid.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when its service is down, slow or its breaker is open. Mapped for every
 * method: the forward keeps the client's method, so a POST must land here too.
 */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    private final GatewayProperties properties;

    FallbackController(GatewayProperties properties) {
        this.properties = properties;
    }

    @RequestMapping("/fallback/{service:[a-z0-9-]+}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        if (exchange.getAttribute(GATEWAY_ROUTE_ATTR) == null) {
            // called directly by a client, not forwarded by a route's circuit breaker
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RequestIds ids = RequestIds.of(exchange);
        Throwable cause = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ids.log(() -> log.warn("{} unavailable for {} {}: {}", service, exchange.getRequest().getMethod(),
                ids.originalPath(), cause == null ? "unknown" : cause.toString()));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfter().toSeconds()))
                .body(GatewayProblems.serviceUnavailable(service, ids));
    }
}
