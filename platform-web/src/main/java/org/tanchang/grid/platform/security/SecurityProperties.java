package org.tanchang.grid.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicPaths      {@code /api} paths open without a token (each handler also carries {@link PublicEndpoint})
 * @param authPublicUrl    the auth server as a browser reaches it, for the OpenAPI sign-in flow
 * @param unmaskRoles      roles that may ask for personal data without the mask (each such read is audited)
 * @param auditRoles       roles that may query the audit trail (with a county-wide scope)
 */
@ConfigurationProperties("tanchang.security")
public record SecurityProperties(List<String> publicPaths, String authPublicUrl, List<String> unmaskRoles,
        List<String> auditRoles) {

    public SecurityProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        authPublicUrl = authPublicUrl == null ? "http://localhost:9000" : authPublicUrl;
        unmaskRoles = unmaskRoles == null ? List.of() : List.copyOf(unmaskRoles);
        auditRoles = auditRoles == null ? List.of() : List.copyOf(auditRoles);
    }
}
