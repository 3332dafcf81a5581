package org.tanchang.grid.auth.token;

import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;
import org.tanchang.grid.auth.clients.MongoRegisteredClientRepository;
import org.tanchang.grid.auth.users.UserAccount;
import org.tanchang.grid.auth.users.UserAccounts;

/**
 * The suite's claims in every access token and ID token:
 * <pre>
 * sub          username (person) or client id (client_credentials)
 * name         display name (person) or client name
 * roles        ["GRID_MEMBER"] ... ; ["SYSTEM"] for client_credentials
 * scope_codes  area codes the caller may act in (county 6, township 9, village 12, grid 15 digits)
 * client_id    the OAuth client the token was issued to
 * realm_access {"roles": [...]}  (the same roles where Keycloak puts them)
 * </pre>
 * The person's roles and scope are read from MongoDB at every issue, so a refresh picks up changes.
 */
@Component
public class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String SYSTEM_ROLE = "SYSTEM";

    private final UserAccounts users;

    TokenClaims(UserAccounts users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        RegisteredClient client = context.getRegisteredClient();
        String name;
        List<String> roles;
        List<String> scopeCodes;
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            name = client.getClientName();
            roles = List.of(SYSTEM_ROLE);
            scopeCodes = MongoRegisteredClientRepository.scopeCodes(client);
        } else {
            UserAccount user = users.findByUsername(context.getPrincipal().getName())
                    .filter(UserAccount::enabled)
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
            name = user.displayName();
            roles = user.roleNames();
            scopeCodes = user.scopeCodes();
        }
        context.getClaims().claims(claims -> {
            claims.put("name", name);
            claims.put("roles", roles);
            claims.put("scope_codes", scopeCodes);
            claims.put("client_id", client.getClientId());
            claims.put("realm_access", Map.of("roles", roles));
        });
    }
}
