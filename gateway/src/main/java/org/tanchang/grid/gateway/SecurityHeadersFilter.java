package org.tanchang.grid.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Headers every answer of the public entry carries, errors included. API answers hold personal data, so no cache
 * may keep them. No Content-Security-Policy yet. Swagger UI's sign-in depends on what is left out here: its popup
 * goes to the auth server and comes back to {@code /swagger-ui/oauth2-redirect.html}, which talks to the UI through
 * {@code window.opener} (so no {@code Cross-Origin-Opener-Policy}), and the UI then fetches the token from the auth
 * server's {@code /oauth2/token} (a CSP would need that origin in {@code connect-src}; the auth server must allow
 * this origin by CORS).
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        if (exchange.getRequest().getPath().value().startsWith("/api/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return chain.filter(exchange);
    }
}
