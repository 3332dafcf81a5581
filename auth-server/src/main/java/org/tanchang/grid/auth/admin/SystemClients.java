package org.tanchang.grid.auth.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Service;
import org.tanchang.grid.auth.AuthProperties;
import org.tanchang.grid.auth.admin.ClientRequests.ClientView;
import org.tanchang.grid.auth.admin.ClientRequests.Register;
import org.tanchang.grid.auth.admin.ClientRequests.WithSecret;
import org.tanchang.grid.auth.authorization.Revocations;
import org.tanchang.grid.auth.clients.MongoRegisteredClientRepository;
import org.tanchang.grid.auth.clients.SeedClients;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.security.Caller;

/**
 * System clients registered by the admin: client_credentials only, with scopes from the services' list
 * ({@link SeedClients#DOMAIN_SCOPES}) and the areas written into their tokens. A secret is generated, shown once
 * and stored as a hash; rotating replaces it at once (the old one is refused from then on), disabling lets the
 * secret expire so every token request fails while the registration stays for the record.
 */
@Service
class SystemClients {

    static final int SECRET_LENGTH = 40;

    private final MongoRegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final AuthProperties properties;
    private final Revocations revocations;
    private final AuditTrail audit;
    private final Clock clock = Clock.systemUTC();

    SystemClients(MongoRegisteredClientRepository clients, PasswordEncoder passwords, AuthProperties properties,
            Revocations revocations, AuditTrail audit) {
        this.clients = clients;
        this.passwords = passwords;
        this.properties = properties;
        this.revocations = revocations;
        this.audit = audit;
    }

    WithSecret register(Caller caller, Register request) {
        AdminScope.requireCountyAdmin(caller);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.scopes().size(); i++) {
            if (!SeedClients.DOMAIN_SCOPES.contains(request.scopes().get(i))) {
                errors.add(new FieldError("scopes[" + i + "]", "must be one of " + SeedClients.DOMAIN_SCOPES));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        List<String> areas = AdminScope.requireAreas(caller, "areaCodes", request.areaCodes(), true);
        if (clients.findByClientId(request.clientId()) != null) {
            throw ProblemException.conflict("The client id " + request.clientId() + " is taken",
                    Map.of("clientId", request.clientId()));
        }
        String secret = OneTimePasswords.generate(SECRET_LENGTH);
        RegisteredClient client = RegisteredClient.withId(request.clientId())
                .clientId(request.clientId())
                .clientIdIssuedAt(clock.instant())
                .clientName(request.name().strip())
                .clientSecret(passwords.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(scopes -> scopes.addAll(request.scopes()))
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .setting(MongoRegisteredClientRepository.SCOPE_CODES_SETTING, areas)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                        .accessTokenTimeToLive(properties.accessTokenTtl())
                        .refreshTokenTimeToLive(properties.refreshTokenTtl())
                        .build())
                .build();
        clients.save(client);
        audit(caller, "CLIENT_REGISTERED", client);
        return new WithSecret(view(client), secret);
    }

    WithSecret rotateSecret(Caller caller, String clientId) {
        AdminScope.requireCountyAdmin(caller);
        RegisteredClient client = confidential(clientId);
        String secret = OneTimePasswords.generate(SECRET_LENGTH);
        RegisteredClient rotated = RegisteredClient.from(client).clientSecret(passwords.encode(secret))
                .clientSecretExpiresAt(null).build();
        clients.save(rotated);
        revocations.ofClient(client.getId());
        audit(caller, "CLIENT_SECRET_ROTATED", rotated);
        return new WithSecret(view(rotated), secret);
    }

    ClientView disable(Caller caller, String clientId) {
        AdminScope.requireCountyAdmin(caller);
        RegisteredClient client = confidential(clientId);
        RegisteredClient disabled = RegisteredClient.from(client).clientSecretExpiresAt(clock.instant()).build();
        clients.save(disabled);
        revocations.ofClient(client.getId());
        audit(caller, "CLIENT_DISABLED", disabled);
        return view(disabled);
    }

    ClientView get(Caller caller, String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null || !AdminScope.sees(caller, MongoRegisteredClientRepository.scopeCodes(client))) {
            throw ProblemException.notFound("Client", clientId);
        }
        return view(client);
    }

    private RegisteredClient confidential(String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw ProblemException.notFound("Client", clientId);
        }
        if (client.getClientSecret() == null) {
            throw ProblemException.conflict("Client " + clientId + " is public: it has no secret to rotate or expire",
                    Map.of("clientId", clientId));
        }
        return client;
    }

    private void audit(Caller caller, String action, RegisteredClient client) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", client.getClientName());
        details.put("scopes", client.getScopes().stream().sorted().toList());
        details.put("areaCodes", MongoRegisteredClientRepository.scopeCodes(client));
        audit.record(caller.subject(), caller.primaryRole(), action, "CLIENT", client.getClientId(), details);
    }

    private ClientView view(RegisteredClient client) {
        Instant expires = client.getClientSecretExpiresAt();
        return new ClientView(client.getClientId(), client.getClientName(),
                client.getScopes().stream().sorted().toList(), MongoRegisteredClientRepository.scopeCodes(client),
                expires == null || expires.isAfter(clock.instant()));
    }
}
