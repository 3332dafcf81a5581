package org.tanchang.grid.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Reads the {@link Caller} from the verified token of the current request. */
public final class Callers {

    private Callers() {
    }

    /** The current caller, or {@code null} when the request carries no verified token (a public endpoint). */
    public static Caller current(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return null;
        }
        return fromJwt(token.getToken(), request == null ? null : request.getRemoteAddr());
    }

    /** The auth server's claims: roles (or Keycloak's realm_access.roles), scope_codes, name, client_id, scope. */
    public static Caller fromJwt(Jwt jwt, String address) {
        Set<String> roles = new HashSet<>(strings(jwt.getClaim("roles")));
        Object realmAccess = jwt.getClaim("realm_access");
        if (roles.isEmpty() && realmAccess instanceof java.util.Map<?, ?> realm) {
            roles.addAll(strings(realm.get("roles")));
        }
        String client = jwt.getClaimAsString("client_id");
        if (client == null) {
            client = jwt.getClaimAsString("azp");
        }
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("name"), roles,
                new AreaScope(strings(jwt.getClaim("scope_codes"))), client, address, oauthScopes(jwt));
    }

    /** {@code scope} as the auth server writes it (a list), or as a space-separated string, or {@code scp}. */
    private static Set<String> oauthScopes(Jwt jwt) {
        Object claim = jwt.hasClaim("scope") ? jwt.getClaim("scope") : jwt.getClaim("scp");
        if (claim instanceof String text) {
            return new HashSet<>(List.of(text.trim().split("\\s+")));
        }
        return new HashSet<>(strings(claim));
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String one ? List.of(one) : List.of();
    }
}
