package org.tanchang.grid.gateway;

import io.github.bucket4j.TimeMeter;
import java.net.URI;
import java.util.Map;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's sign-in, following the OAuth working group's guidance for browser-based apps (the backend-for-frontend
 * pattern): the gateway is a confidential OAuth client of the auth server (authorization code with PKCE), keeps the
 * person's tokens in their WebSession and relays the access token to the services ({@code TokenRelay}, refreshed
 * with the refresh token as it expires). The browser only ever holds the HttpOnly session cookie and a CSRF cookie.
 *
 * <p>This chain comes before the bearer chain ({@link SecurityConfiguration}) and takes: the sign-in and logout
 * paths, {@code /bff/**}, the console's own pages ({@code /console/**}, public: the page offers the sign-in button),
 * {@code /}, and every {@code /api/**} call that carries the session cookie but no {@code Authorization} header. A
 * call with a bearer token always goes to the bearer chain, as before. Unsafe methods need the CSRF token: the
 * {@code XSRF-TOKEN} cookie (readable by the page) echoed in the {@code X-XSRF-TOKEN} header (or a form's
 * {@code _csrf} field). Without a session, {@code /bff/**} and {@code /api/**} answer a 401 problem, never a redirect.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSignIn {

    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    @Bean
    @Order(1)
    SecurityWebFilterChain consoleSignInChain(ServerHttpSecurity http, ConsoleProperties properties,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository authorizedClients,
            JsonMapper json, ConfigurationService configurations) {
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(properties.secureCookies()).sameSite("Lax"));

        OidcClientInitiatedServerLogoutSuccessHandler endSession =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        endSession.setPostLogoutRedirectUri(properties.postLogoutRedirectUri());
        endSession.setLogoutSuccessUrl(URI.create(properties.successUrl()));   // no OIDC session: just back home

        http.securityMatcher(consolePaths(properties))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)          // SecurityHeadersFilter sets ours
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/bff/**", "/api/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizedClientRepository(authorizedClients)
                        .authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler(properties.successUrl()))
                        .authenticationFailureHandler(new RedirectServerAuthenticationFailureHandler(properties.failureUrl())))
                .oauth2Client(client -> client.authorizedClientRepository(authorizedClients))
                .logout(logout -> logout
                        .requiresLogout(ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/logout"))
                        .logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
                                new WebSessionServerLogoutHandler()))   // the tokens go with the session
                        .logoutSuccessHandler(endSession))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // plain, not XOR-masked: the page echoes the cookie's value as it is
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler((exchange, denied) -> SecurityConfiguration.problem(exchange,
                                HttpStatus.FORBIDDEN, json, "The request lacks the " + CSRF_HEADER
                                        + " header matching the " + CSRF_COOKIE + " cookie")))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((exchange, e) -> SecurityConfiguration.problem(exchange,
                                HttpStatus.UNAUTHORIZED, json, "Sign in first: there is no signed-in session", null))
                        .accessDeniedHandler((exchange, e) -> SecurityConfiguration.problem(exchange,
                                HttpStatus.FORBIDDEN, json, "The session does not allow this request")))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .addFilterBefore(new SignInStarts(new RateLimits.Buckets(properties.signInStarts(), 100_000,
                        TimeMeter.SYSTEM_MILLISECONDS, configurations)), SecurityWebFiltersOrder.HTTP_BASIC);
        return http.build();
    }

    /**
     * What the chain takes. The {@code /api/**} part is the session's: the cookie present, no Authorization header
     * (a bearer client that also has the cookie is the bearer chain's, as it always was).
     */
    private static ServerWebExchangeMatcher consolePaths(ConsoleProperties properties) {
        ServerWebExchangeMatcher paths = ServerWebExchangeMatchers.pathMatchers("/", "/oauth2/authorization/**",
                "/login/oauth2/**", "/logout", "/bff/**", "/console", "/console/**");
        ServerWebExchangeMatcher sessionApiCall = exchange -> {
            var request = exchange.getRequest();
            boolean session = API.matches(request.getPath().pathWithinApplication())
                    && !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
                    && request.getCookies().containsKey(properties.sessionCookie());
            return session ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
        return new OrServerWebExchangeMatcher(paths, sessionApiCall);
    }

    /**
     * The CSRF token is made lazily, when something asks for it; asking here writes the {@code XSRF-TOKEN} cookie on
     * the first answer of this chain (the console page, {@code /bff/user}), so the page has it before its first POST.
     */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> exchange.<Mono<CsrfToken>>getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty())
                .then(chain.filter(exchange));
    }

    /** Built from configuration, not by issuer discovery: the gateway must start while the auth server is away. */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(ConsoleProperties properties) {
        ClientRegistration console = ClientRegistration.withRegistrationId(ConsoleProperties.REGISTRATION_ID)
                .clientName("宕昌网格指挥台")
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                .redirectUri(properties.redirectUri())
                .scope(properties.scopes())
                .issuerUri(properties.issuer())
                .authorizationUri(properties.authorizationUri())
                .tokenUri(properties.tokenUri())
                .jwkSetUri(properties.jwkSetUri())
                // no userinfo call: the ID token carries name, roles and scope_codes
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .providerConfigurationMetadata(Map.of("end_session_endpoint", properties.endSessionUri()))
                .build();
        return new InMemoryReactiveClientRegistrationRepository(console);
    }

    /** The person's tokens live in their session, so they end with it (logout, idle timeout), and nowhere else. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** What TokenRelay asks for the access token: the stored one, or a new one by the refresh token once it expires. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
            ServerOAuth2AuthorizedClientRepository authorizedClients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        return manager;
    }
}
