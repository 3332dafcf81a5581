package org.tanchang.grid.auth.authorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2DeviceCode;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.OAuth2UserCode;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.tanchang.grid.auth.authorization.AuthorizationDocument.StoredToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Between {@link OAuth2Authorization} and {@link AuthorizationDocument}.
 *
 * <p>Only hashes of token values are stored, so a loaded authorization knows the value of one token at most: the one
 * it was looked up by. Every other token gets a stand-in value, {@code sha256:<hash>}, which is no usable token (no
 * generated token contains ':') and hashes back to the stored hash when the authorization is saved again (after a
 * refresh, revocation or code replay invalidates its other tokens). Spring Authorization Server reads the values of
 * only the token it was given; the tokens it hands out are freshly generated.
 */
final class AuthorizationMapping {

    static final String STAND_IN_PREFIX = "sha256:";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper json = JsonMapper.builder()
            .addModules(SecurityJacksonModules.getModules(AuthorizationMapping.class.getClassLoader()))
            .build();

    /**
     * SHA-256 (hex) of a value presented by a client. Always a real digest, also of a value that looks like a
     * stand-in: otherwise whoever read a hash from the database could present {@code sha256:<hash>} as the token.
     */
    static String hash(String tokenValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(tokenValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    AuthorizationDocument toDocument(OAuth2Authorization authorization, Instant expiresAt) {
        String state = authorization.getAttribute(OAuth2ParameterNames.STATE);
        return new AuthorizationDocument(authorization.getId(), authorization.getRegisteredClientId(),
                authorization.getPrincipalName(), authorization.getAuthorizationGrantType().getValue(),
                sorted(authorization.getAuthorizedScopes()), write(authorization.getAttributes()),
                state == null ? null : hash(state),
                stored(authorization.getToken(OAuth2AuthorizationCode.class)),
                stored(authorization.getAccessToken()),
                stored(authorization.getRefreshToken()),
                stored(authorization.getToken(OidcIdToken.class)),
                stored(authorization.getToken(OAuth2UserCode.class)),
                stored(authorization.getToken(OAuth2DeviceCode.class)),
                expiresAt);
    }

    /**
     * @param knownValue the token value the authorization was looked up by, or null (lookup by id)
     */
    OAuth2Authorization toAuthorization(AuthorizationDocument d, RegisteredClient client, String knownValue) {
        String knownHash = knownValue == null ? null : hash(knownValue);
        Function<StoredToken, String> value = token -> token.hash().equals(knownHash)
                ? knownValue : STAND_IN_PREFIX + token.hash();
        Map<String, Object> attributes = read(d.attributes());
        OAuth2Authorization.Builder builder = OAuth2Authorization.withRegisteredClient(client)
                .id(d.id())
                .principalName(d.principalName())
                .authorizationGrantType(new AuthorizationGrantType(d.grantType()))
                .authorizedScopes(new HashSet<>(nonNull(d.authorizedScopes())))
                .attributes(attrs -> attrs.putAll(attributes));
        StoredToken t = d.authorizationCode();
        if (t != null) {
            add(builder, new OAuth2AuthorizationCode(value.apply(t), t.issuedAt(), t.expiresAt()), t);
        }
        t = d.accessToken();
        if (t != null) {
            OAuth2AccessToken.TokenType type = OAuth2AccessToken.TokenType.DPOP.getValue().equalsIgnoreCase(t.tokenType())
                    ? OAuth2AccessToken.TokenType.DPOP : OAuth2AccessToken.TokenType.BEARER;
            add(builder, new OAuth2AccessToken(type, value.apply(t), t.issuedAt(), t.expiresAt(),
                    new HashSet<>(nonNull(t.scopes()))), t);
        }
        t = d.refreshToken();
        if (t != null) {
            add(builder, new OAuth2RefreshToken(value.apply(t), t.issuedAt(), t.expiresAt()), t);
        }
        t = d.idToken();
        if (t != null) {
            Map<String, Object> metadata = read(t.metadata());
            @SuppressWarnings("unchecked")
            Map<String, Object> claims = (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
            builder.token(new OidcIdToken(value.apply(t), t.issuedAt(), t.expiresAt(), claims), m -> m.putAll(metadata));
        }
        t = d.userCode();
        if (t != null) {
            add(builder, new OAuth2UserCode(value.apply(t), t.issuedAt(), t.expiresAt()), t);
        }
        t = d.deviceCode();
        if (t != null) {
            add(builder, new OAuth2DeviceCode(value.apply(t), t.issuedAt(), t.expiresAt()), t);
        }
        return builder.build();
    }

    private <T extends OAuth2Token> void add(OAuth2Authorization.Builder builder, T token, StoredToken stored) {
        Map<String, Object> metadata = read(stored.metadata());
        builder.token(token, m -> m.putAll(metadata));
    }

    /** The hash to store for a token of an authorization being saved: a stand-in gives back the hash it stands for. */
    private static String storedHash(String tokenValue) {
        return tokenValue.startsWith(STAND_IN_PREFIX) ? tokenValue.substring(STAND_IN_PREFIX.length()) : hash(tokenValue);
    }

    private StoredToken stored(OAuth2Authorization.Token<? extends OAuth2Token> token) {
        if (token == null) {
            return null;
        }
        OAuth2Token value = token.getToken();
        String tokenType = null;
        List<String> scopes = null;
        if (value instanceof OAuth2AccessToken access) {
            tokenType = access.getTokenType().getValue();
            scopes = sorted(access.getScopes());
        }
        return new StoredToken(storedHash(value.getTokenValue()), value.getIssuedAt(), value.getExpiresAt(),
                write(token.getMetadata()), tokenType, scopes);
    }

    private String write(Map<String, Object> map) {
        return json.writeValueAsString(plain(map));
    }

    /**
     * Copies maps, lists and sets into the plain JDK classes Spring's type allow-list accepts: claims are often built
     * with {@code Map.of}/{@code List.of} (ours are), whose classes it refuses to read back.
     */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AuthorizationMapping::plain).collect(Collectors.toCollection(ArrayList::new));
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(AuthorizationMapping::plain).collect(Collectors.toCollection(LinkedHashSet::new));
        }
        return value;
    }

    private Map<String, Object> read(String data) {
        return data == null ? Map.of() : json.readValue(data, MAP);
    }

    private static List<String> sorted(Collection<String> values) {
        return values == null ? List.of() : values.stream().sorted().toList();
    }

    private static <T> Collection<T> nonNull(Collection<T> values) {
        return values == null ? List.of() : values;
    }
}
