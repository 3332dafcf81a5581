package org.tanchang.grid.auth.clients;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.tanchang.grid.auth.AuthProperties;

/**
 * The clients every installation has, upserted by id at start (so running it twice changes nothing but the secret
 * hashes' salt):
 * <ul>
 *   <li>{@code tanchang-app}: the mobile and web apps and the gateway's Swagger UI; public, authorization code with
 *       PKCE, refresh tokens (rotated)</li>
 *   <li>{@code tanchang-console} (宕昌网格指挥台): the browser console, signed in by the gateway as its backend for
 *       frontend; confidential (the secret stays in the gateway), authorization code with PKCE, refresh tokens
 *       (rotated); its callback and logout addresses are configuration ({@code tanchang.auth.console})</li>
 *   <li>{@code tanchang-cli}: confidential; client_credentials for machine calls and authorization code for a person at a terminal;
 *       may ask for every domain's read and write scope (the county's own write client)</li>
 *   <li>{@code market-supervision}: another government system (市场监管); client_credentials, scope {@code cases.read}
 *       only (a read-only client: it may read incidents, never report or change one)</li>
 *   <li>{@code agency-lichuan-market} (宕昌县市场监督管理局理川所) and {@code agency-wuhai-police} (乌海市某派出所):
 *       outside agencies that matters are referred to; client_credentials, scopes {@code referrals.read
 *       referrals.write} (read and answer the referrals addressed to them) and {@code notifications.read
 *       notifications.write} (keep their own webhook subscription, which may carry referral kinds only). The seed's
 *       two stories, so only where the demo users are seeded, with the demo password as secret; a real agency is
 *       registered by an administrator.</li>
 * </ul>
 * The scopes registered here are the only ones a client can get: a token request naming another is refused
 * ({@code invalid_scope}), and the services refuse a system whose token lacks the scope an operation names.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class SeedClients implements ApplicationRunner {

    public static final String APP = "tanchang-app";
    public static final String CLI = "tanchang-cli";
    public static final String CONSOLE = "tanchang-console";
    public static final String MARKET_SUPERVISION = "market-supervision";
    /** Outside agencies of the referral stories (case-service's tanchang.referrals.agencies name them). */
    public static final List<String> DEMO_AGENCIES = List.of("agency-lichuan-market", "agency-wuhai-police");
    static final String COUNTY = "621223";
    /** Per domain service a read and a write scope, as the services' {@code @Allowed(scopes)} name them. */
    public static final List<String> DOMAIN_SCOPES = List.of("grid.read", "grid.write", "cases.read", "cases.write",
            "mediation.read", "mediation.write", "petition.read", "petition.write", "notifications.read",
            "notifications.write", "referrals.read", "referrals.write");
    /** The gateway's Swagger UI signs in as the app ("Authorize" button, authorization code + PKCE). */
    public static final String SWAGGER_UI_REDIRECT = "http://localhost:8080/swagger-ui/oauth2-redirect.html";

    private static final Logger log = LoggerFactory.getLogger(SeedClients.class);

    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder passwordEncoder;
    private final AuthProperties properties;

    SeedClients(MongoRegisteredClientRepository clients, PasswordEncoder passwordEncoder, AuthProperties properties) {
        this.clients = clients;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    public void seed() {
        clients.save(client(APP, "宕昌网格 App", b -> b
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://127.0.0.1:8080/callback")
                .redirectUri("http://localhost:3000/callback")
                .redirectUri(SWAGGER_UI_REDIRECT)
                .postLogoutRedirectUri("http://localhost:3000/")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE), true, List.of()));
        clients.save(client(CONSOLE, "宕昌网格指挥台", b -> b
                .clientSecret(passwordEncoder.encode(properties.console().secret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUris(uris -> uris.addAll(properties.console().redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(properties.console().postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE), true, List.of()));
        clients.save(client(CLI, "宕昌网格命令行", b -> b
                .clientSecret(passwordEncoder.encode(properties.cliSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://127.0.0.1:8765/callback")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scopes(scopes -> scopes.addAll(DOMAIN_SCOPES)),
                true, List.of(COUNTY)));
        clients.save(client(MARKET_SUPERVISION, "宕昌县市场监督管理局", b -> b
                .clientSecret(passwordEncoder.encode(properties.marketSupervisionSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("cases.read"), false, List.of(COUNTY)));
        if (properties.seedDemoUsers()) {
            seedAgency(DEMO_AGENCIES.get(0), "宕昌县市场监督管理局理川所");
            seedAgency(DEMO_AGENCIES.get(1), "乌海市公安局某派出所");
        }
        log.info("seeded clients {}, {}, {}, {}", APP, CONSOLE, CLI, MARKET_SUPERVISION);
    }

    private void seedAgency(String id, String name) {
        // county-wide areas: it may be referred matters of any grid of the county, and told of them by webhook
        clients.save(client(id, name, b -> b
                .clientSecret(passwordEncoder.encode(properties.demoPassword()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope("referrals.read").scope("referrals.write")
                .scope("notifications.read").scope("notifications.write"), false, List.of(COUNTY)));
    }

    private RegisteredClient client(String id, String name, Consumer<RegisteredClient.Builder> details,
            boolean requireProofKey, List<String> scopeCodes) {
        RegisteredClient.Builder builder = RegisteredClient.withId(id)
                .clientId(id)
                .clientName(name)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(requireProofKey)
                        .requireAuthorizationConsent(false) // first-party clients of the county
                        .setting(MongoRegisteredClientRepository.SCOPE_CODES_SETTING, scopeCodes)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl())
                        .reuseRefreshTokens(false) // rotate: every refresh returns a new refresh token
                        .build());
        details.accept(builder);
        return builder.build();
    }
}
