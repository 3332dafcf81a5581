package org.tanchang.grid.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bearer tokens from the auth server are checked at the edge (signature by the auth server's JWKS, issuer, expiry)
 * and relayed unchanged to the services, which check them again and decide roles and areas. Every request needs a
 * valid token except {@code tanchang.gateway.public-paths} (the service catalogue, public notices, API documents,
 * Swagger UI, health and metrics); a token that is presented must be valid even there, else 401. Anything not
 * listed needs a token, so a new route or actuator endpoint is closed until someone opens it on purpose.
 *
 * <p>This chain comes last: the console's chain ({@link ConsoleSignIn}) takes the browser's requests first (its
 * sign-in paths, and {@code /api/**} calls that carry the session cookie and no Authorization header).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    /** A CORS preflight never carries a token (browsers do not send one); CORS itself decides about it. */
    private static final ServerWebExchangeMatcher PREFLIGHT = exchange -> CorsUtils.isPreFlightRequest(exchange.getRequest())
            ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, GatewayProperties properties, JsonMapper json) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)          // SecurityHeadersFilter sets ours
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())   // stateless
                .authorizeExchange(exchanges -> exchanges
                        .matchers(PREFLIGHT).permitAll()
                        .pathMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED, json,
                                "A valid bearer token from the auth server is required"))
                        .accessDeniedHandler((exchange, e) -> problem(exchange, HttpStatus.FORBIDDEN, json,
                                "The token does not allow this request")));
        return http.build();
    }

    /**
     * The security firewall refuses encoded dots and slashes ({@code %2e%2e/}, {@code %2f}) and similar paths before
     * any route; its default answer is an empty 400. Here it is the gateway's 400 problem like any other.
     */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemExceptionHandler problems) {
        return (exchange, rejected) -> problems.handle(exchange, new RejectedRequestException(
                "The request path contains encoded or unsafe characters that are not allowed"));
    }

    /** A 401 or 403 problem written by the security chains themselves (no handler method runs for them). */
    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, JsonMapper json, String detail) {
        return problem(exchange, status, json, detail, "Bearer");
    }

    /** @param challenge the scheme of {@code WWW-Authenticate} on a 401, or null for none */
    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, JsonMapper json, String detail,
            String challenge) {
        RequestIds ids = RequestIds.of(exchange);
        ProblemDetail problem = GatewayProblems.of(status, status == HttpStatus.UNAUTHORIZED ? "unauthorized"
                : "forbidden", status == HttpStatus.UNAUTHORIZED ? "Unauthorized" : "Forbidden", detail, ids);
        byte[] body = json.writeValueAsBytes(problem);
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED && challenge != null) {
            response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
