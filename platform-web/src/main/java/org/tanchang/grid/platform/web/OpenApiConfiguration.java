package org.tanchang.grid.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.platform.security.AccessRule;
import org.tanchang.grid.platform.security.AccessRules;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.PublicEndpoint;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.security.Scopes;
import org.tanchang.grid.platform.security.SecurityProperties;

/**
 * Each service's OpenAPI document, with a relative server URL so "Try it out" in the gateway's aggregated Swagger UI
 * calls the gateway, not the service's own port, and with the auth server's sign-in declared: an OAuth 2
 * authorization-code flow (PKCE, client {@code tanchang-app}) for Swagger UI and a plain bearer scheme for pasted
 * tokens, and a client-credentials scheme for other systems. Each operation lists the roles that may call it
 * ({@code x-allowed-roles}) and, when open to systems, the client scopes ({@code x-required-scopes}); public ones
 * need no token.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String OAUTH = "oauth2";
    static final String BEARER = "bearer";
    static final String SYSTEMS = "systems";
    /** How the line of an operation's description that names its roles begins. */
    public static final String ROLES_LINE = "Roles: ";

    static {
        // resolved from the token, never sent by the client: not a parameter of any operation
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String name,
            @Value("${tanchang.api.description:Tanchang Grid service}") String description,
            SecurityProperties security) {
        String auth = security.authPublicUrl();
        return new OpenAPI()
                .info(new Info().title("Tanchang Grid: " + name).version("v1").description(description)
                        .contact(new io.swagger.v3.oas.models.info.Contact().name("Tanchang Grid maintainers"))
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url("/").description("through the gateway")))
                .components(new Components()
                        .addSecuritySchemes(OAUTH, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Sign in at the auth server (authorization code with PKCE)")
                                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                        .authorizationUrl(auth + "/oauth2/authorize")
                                        .tokenUrl(auth + "/oauth2/token")
                                        .refreshUrl(auth + "/oauth2/token")
                                        .scopes(new io.swagger.v3.oas.models.security.Scopes()
                                                .addString("openid", "sign in").addString("profile", "your name")))))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token from the auth server, e.g. from auth-server/user-token.sh"))
                        .addSecuritySchemes(SYSTEMS, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Another government system: client credentials, with the scopes the "
                                        + "county registered the client for; each operation open to systems names "
                                        + "the scopes that may call it (x-required-scopes)")
                                .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                                        .tokenUrl(auth + "/oauth2/token")
                                        .scopes(systemScopes())))))
                .addSecurityItem(new SecurityRequirement().addList(OAUTH))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OperationCustomizer accessDocumentation(ObjectProvider<AccessRules> accessRules) {
        AccessRules rules = accessRules.getIfAvailable(() -> new AccessRules(List.of()));
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PublicEndpoint.class)
                    || handler.getBeanType().isAnnotationPresent(PublicEndpoint.class)) {
                operation.setSecurity(List.of());
                operation.addExtension("x-allowed-roles", List.of("ANONYMOUS"));
                // the token filter runs before any handler: a token that is sent must be valid, even here
                documentProblem(operation, "401", "A token was sent but is invalid (expired, forged or from "
                        + "another issuer); send none or a valid one");
                // public lists page too: a page or size out of range is refused like anywhere else
                if (operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> "query".equals(p.getIn()) && List.of("page", "size").contains(p.getName()))) {
                    documentProblem(operation, "400", "A parameter is missing or invalid");
                }
                return operation;
            }
            AccessRule allowed = rules.find(handler);
            if (allowed != null) {
                operation.addExtension("x-allowed-roles", allowed.roles());
                String roles = ROLES_LINE + String.join(", ", allowed.roles()) + ".";
                operation.setDescription(operation.getDescription() == null ? roles
                        : operation.getDescription() + "\n\n" + roles);
                if (allowed.roles().contains(Roles.SYSTEM)) {
                    documentSystemScopes(operation, allowed.scopes());
                }
            }
            // the platform answers these for every secured operation, whether or not its author documented them
            if (operation.getRequestBody() != null) {
                documentProblem(operation, "400", "Malformed or invalid body; nothing was changed",
                        example(ProblemExamples.VALIDATION));
                documentProblem(operation, "415", "The body is not in a media type this operation reads");
            } else if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                documentProblem(operation, "400", "A parameter is missing or invalid");
            }
            if (operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "path".equals(p.getIn()))) {
                documentProblem(operation, "404", "No such object, or one the caller may not see",
                        example(ProblemExamples.NOT_FOUND));
            }
            documentProblem(operation, "401", "No valid bearer token", example(ProblemExamples.UNAUTHORIZED));
            documentProblem(operation, "403", "The caller's role may not do this, or the object lies outside their areas");
            return operation;
        };
    }

    /**
     * What a system's token must hold: the scopes as an extension and in a security requirement of the client
     * credentials scheme (beside the people's schemes), and a line of the description for the human reader.
     */
    private static void documentSystemScopes(Operation operation, List<String> scopes) {
        operation.addExtension("x-required-scopes", scopes);
        operation.setSecurity(List.of(new SecurityRequirement().addList(OAUTH),
                new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(SYSTEMS, scopes)));
        String line = scopes.isEmpty() ? "Systems: no client scope is listed, so no system may call this."
                : "Systems (client credentials) need one of the scopes: " + String.join(", ", scopes) + ".";
        operation.setDescription(operation.getDescription() + "\n\n" + line);
    }

    private static io.swagger.v3.oas.models.security.Scopes systemScopes() {
        io.swagger.v3.oas.models.security.Scopes scopes = new io.swagger.v3.oas.models.security.Scopes();
        for (String scope : Scopes.READ) {
            scopes.addString(scope, "read " + scope.substring(0, scope.indexOf('.')));
        }
        for (String scope : Scopes.WRITE) {
            scopes.addString(scope, "write " + scope.substring(0, scope.indexOf('.')));
        }
        return scopes;
    }

    /**
     * The shared schemas and document-wide rules of {@link OpenApiSchemas}, applied last so they also cover what the
     * services' own customizers added.
     */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer platformSchemas() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            OpenApiSchemas.apply(openApi);
        };
    }

    /** One of {@link ProblemExamples} as the object a document shows, not as a string of JSON. */
    public static Object example(String json) {
        return EXAMPLES.readValue(json, Map.class);
    }

    private static final JsonMapper EXAMPLES = JsonMapper.builder().build();

    public static void documentProblem(Operation operation, String status, String description) {
        documentProblem(operation, status, description, null);
    }

    /** A problem response the operation's author did not write, with an example body when one is given. */
    public static void documentProblem(Operation operation, String status, String description, Object example) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        if (!operation.getResponses().containsKey(status)) {
            MediaType problem = new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"));
            if (example != null) {
                problem.example(example);
            }
            operation.getResponses().addApiResponse(status, new ApiResponse().description(description)
                    .content(new Content().addMediaType("application/problem+json", problem)));
        }
    }
}
