package org.tanchang.grid.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.tanchang.grid.platform.problem.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is a resource server too (defence in depth): every {@code /api/**} request, through the gateway or
 * around it, needs a valid token from the auth server, else a 401 problem; only {@code tanchang.security.public-paths}
 * are open. Then {@link RoleCheckInterceptor} checks the endpoint's {@link Allowed} roles (403) and the endpoint
 * itself checks the object's area through {@link Visibility} (404). Actuator and OpenAPI paths stay open here: in a
 * deployment only the gateway and Prometheus reach a service's port. Stateless: no session, no CSRF token (there is no cookie to ride on), no form login. An auto-configuration
 * ordered before Boot's, so Boot's own "everything authenticated" chain is never created.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableConfigurationProperties(SecurityProperties.class)
public class ResourceServerConfiguration implements WebMvcConfigurer {

    private final AccessRules accessRules;

    ResourceServerConfiguration(ObjectProvider<AccessRuleSource> sources) {
        this.accessRules = new AccessRules(sources.orderedStream().toList());
    }

    @Bean
    AccessRules accessRules() {
        return accessRules;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new RoleCheckInterceptor(accessRules)).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    SecurityFilterChain platformSecurity(HttpSecurity http, JsonMapper json,
            SecurityProperties properties) throws Exception {
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
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
