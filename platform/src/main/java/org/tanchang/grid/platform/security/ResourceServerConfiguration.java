package org.tanchang.grid.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.tanchang.grid.platform.web.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is a resource server too (defence in depth): a bearer token that reaches it, through the gateway
 * or around it, must be the auth server's, else a 401 problem. Requiring one on {@code /api/**} is
 * {@code tanchang.security.require-token}, off until role and area-scope checks exist per endpoint (issue 3).
 * Stateless: no session, no CSRF token (there is no cookie to ride on), no form login. An auto-configuration
 * ordered before Boot's, so Boot's own "everything authenticated" chain is never created.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
public class ResourceServerConfiguration {

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, JsonMapper json,
            @Value("${tanchang.security.require-token:false}") boolean requireToken) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    if (requireToken) {
                        requests.requestMatchers("/api/service-items/**").permitAll()
                                .requestMatchers("/api/**").authenticated();
                    }
                    requests.anyRequest().permitAll();
                })
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint((request, response, e) -> write(json, request, response,
                                HttpStatus.UNAUTHORIZED, "A valid bearer token from the auth server is required"))
                        .accessDeniedHandler((request, response, e) -> write(json, request, response, HttpStatus.FORBIDDEN,
                                "The token does not allow this request")));
        return http.build();
    }

    /** Boot's mapper: it knows how a ProblemDetail's extra properties are written (flat, as RFC 9457 has them). */
    private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response, HttpStatus status,
            String detail) throws IOException {
        ProblemDetail problem = Problems.of(status, status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden",
                status == HttpStatus.UNAUTHORIZED ? "Unauthorized" : "Forbidden", detail, request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        json.writeValue(response.getOutputStream(), problem);
    }
}
