package org.tanchang.grid.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The browser console behind the gateway: its sign-in at the auth server, the gateway being its OAuth client
 * (backend for frontend), and what its pages may load. Every address of the auth server is given here rather than
 * discovered from the issuer, so the gateway starts while it is away.
 *
 * @param clientId              the confidential client registered for the console at the auth server
 * @param clientSecret          its secret (HTTP Basic at the token endpoint)
 * @param scopes                what the console asks for: the person's identity; the services decide the rest by role
 * @param issuer                the {@code iss} the ID token must name
 * @param authorizationUri      the auth server's authorize endpoint as the browser reaches it
 * @param tokenUri              its token endpoint as the gateway reaches it (inside the network)
 * @param jwkSetUri             its keys, to verify the ID token
 * @param endSessionUri         its RP-initiated logout endpoint as the browser reaches it
 * @param redirectUri           where the auth server sends the browser back with the code ({@code {baseUrl}} is this
 *                              gateway as the browser addressed it)
 * @param postLogoutRedirectUri where the auth server sends the browser after logout (registered there too)
 * @param successUrl            where a person lands after signing in
 * @param failureUrl            where a person lands when the sign-in failed (the console shows a message)
 * @param secureCookies         the session and CSRF cookies only travel over HTTPS (browsers treat
 *                              {@code http://localhost} as secure; turn off only for a plain-HTTP test host)
 * @param sessionCookie         the session cookie's name (also how an {@code /api/**} call is recognised as the console's)
 * @param signInStarts          sign-ins one address may start (each holds a session in memory until it times out)
 * @param tileUrl               the console map's XYZ tile URL, whose host the console's Content-Security-Policy allows
 *                              for images; empty: no external tiles
 */
@ConfigurationProperties("tanchang.gateway.console")
record ConsoleProperties(
        @DefaultValue("tanchang-console") String clientId,
        String clientSecret,
        @DefaultValue({"openid", "profile"}) List<String> scopes,
        String issuer,
        String authorizationUri,
        String tokenUri,
        String jwkSetUri,
        String endSessionUri,
        @DefaultValue("{baseUrl}/login/oauth2/code/{registrationId}") String redirectUri,
        @DefaultValue("{baseUrl}/console/") String postLogoutRedirectUri,
        @DefaultValue("/console/") String successUrl,
        @DefaultValue("/console/?sign-in=failed") String failureUrl,
        @DefaultValue("true") boolean secureCookies,
        @DefaultValue("TANCHANG_SESSION") String sessionCookie,
        @DefaultValue GatewayProperties.Budget signInStarts,
        String tileUrl) {

    /** The registration id: the callback path ({@code /login/oauth2/code/tanchang}) and the sign-in link name it. */
    static final String REGISTRATION_ID = "tanchang";
}
