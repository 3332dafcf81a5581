package org.tanchang.grid.gateway;

import org.springframework.core.Ordered;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * What the edge checks before anything is routed:
 * <ul>
 * <li>a declared body larger than {@code tanchang.gateway.max-request-size} (a file upload's: {@code max-upload-size})
 * is refused with 413 (as a problem, via
 * {@link ProblemExceptionHandler}) instead of being streamed to a service that would refuse it later;</li>
 * <li>client-sent {@code Forwarded} and {@code X-Forwarded-*} headers are dropped. The gateway trusts every address
 * so that it writes X-Forwarded headers at all ({@code trusted-proxies}), and it appends to what it received; the
 * services read the first value, so without this a client could choose the host in their links.</li>
 * </ul>
 */
@Component
class EdgeRequestFilter implements WebFilter, Ordered {

    private static final String FORWARDED = "Forwarded"; // RFC 7239; services prefer it over X-Forwarded-*

    private final GatewayProperties properties;
    private final List<PathPattern> uploads;

    EdgeRequestFilter(GatewayProperties properties) {
        this.properties = properties;
        this.uploads = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // after RequestIdFilter, so a 413 has its request id
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        if (headers.getContentLength() > limitOf(exchange)) {
            return Mono.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE));
        }
        if (!properties.stripForwardedHeaders() || !hasForwardedHeaders(headers)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(r -> r.headers(h -> {
            h.remove(FORWARDED);
            h.headerNames().stream().filter(EdgeRequestFilter::isXForwarded).toList().forEach(h::remove);
        })).build());
    }

    /** A file upload may be as large as the services' multipart limit; any other body, the general limit. */
    private long limitOf(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean upload = HttpMethod.POST.equals(request.getMethod())
                && uploads.stream().anyMatch(p -> p.matches(request.getPath().pathWithinApplication()));
        return (upload ? properties.maxUploadSize() : properties.maxRequestSize()).toBytes();
    }

    private static boolean hasForwardedHeaders(HttpHeaders headers) {
        return headers.containsHeader(FORWARDED)
                || headers.headerNames().stream().anyMatch(EdgeRequestFilter::isXForwarded);
    }

    private static boolean isXForwarded(String name) {
        return name.regionMatches(true, 0, "X-Forwarded-", 0, 12);
    }
}
