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
 * may keep them, nor the console's {@code /bff/} answers. The console's pages ({@code /console/**}) have a
 * Content-Security-Policy; nothing else has one yet. Swagger UI's sign-in depends on what is left out here: its popup
 * goes to the auth server and comes back to {@code /swagger-ui/oauth2-redirect.html}, which talks to the UI through
 * {@code window.opener} (so no {@code Cross-Origin-Opener-Policy}), and the UI then fetches the token from the auth
 * server's {@code /oauth2/token} (a CSP would need that origin in {@code connect-src}; the auth server must allow
 * this origin by CORS).
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private final String consolePolicy;

    SecurityHeadersFilter(ConsoleProperties console) {
        this.consolePolicy = consolePolicy(console.tileUrl());
    }

    /**
     * The console's pages: scripts, styles, fonts and data only from here (no inline script or style element;
     * Leaflet's positions are set through the CSSOM, which a policy does not restrict), map tiles from the
     * configured tile host, no framing.
     */
    static String consolePolicy(String tileUrl) {
        String tiles = tileSource(tileUrl);
        return "default-src 'self'; img-src 'self' data: blob:" + (tiles.isEmpty() ? "" : " " + tiles)
                + "; connect-src 'self'; frame-ancestors 'none'; manifest-src 'self'; worker-src 'self';"
                + " object-src 'none'; base-uri 'self'";
    }

    /**
     * The source expression of an XYZ tile URL's host: {@code https://t{s}.tianditu.gov.cn/...} gives
     * {@code https://*.tianditu.gov.cn} (a subdomain template becomes a wildcard label); empty for none.
     */
    static String tileSource(String tileUrl) {
        if (tileUrl == null || tileUrl.isBlank() || !tileUrl.contains("://")) {
            return "";
        }
        int hostStart = tileUrl.indexOf("://") + 3;
        int hostEnd = tileUrl.indexOf('/', hostStart);
        String scheme = tileUrl.substring(0, hostStart);
        String host = hostEnd < 0 ? tileUrl.substring(hostStart) : tileUrl.substring(hostStart, hostEnd);
        if (host.contains("{")) {
            int dot = host.indexOf('.', host.lastIndexOf('}'));
            host = dot < 0 ? "" : "*" + host.substring(dot);
        }
        return host.isEmpty() ? "" : scheme + host;
    }

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
        String path = exchange.getRequest().getPath().value();
        if (path.startsWith("/api/") || path.startsWith("/bff/")) {
            headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        if (path.startsWith("/console/") || path.equals("/console")) {
            headers.set("Content-Security-Policy", consolePolicy);
        }
        return chain.filter(exchange);
    }
}
