package org.tanchang.grid.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tanchang.grid.auth.OAuthTestClient.json;
import static org.tanchang.grid.auth.OAuthTestClient.location;
import static org.tanchang.grid.auth.OAuthTestClient.randomUrlSafe;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tanchang.grid.devstack.LocalSmsSink;
import org.tanchang.grid.platform.test.CommittedOpenApiDocumentTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 18, item 7: people and clients managed in the suite, through the admin and sign-up API with the wire server
 * and devstack's SMS sink receiving what the SMS adapter sends. One story per capability. It is also the auth
 * server's committed-OpenAPI-document test (docs/openapi/auth-server.json; the base class's checks), in the same
 * context rather than one more.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eureka.client.enabled=false",
        "tanchang.auth.issuer=",
        "tanchang.auth.demo-password=" + PeopleAndClientsTest.DEMO_PASSWORD })
@DirtiesContext
class PeopleAndClientsTest extends CommittedOpenApiDocumentTest {

    static final String DEMO_PASSWORD = "pw-people-9Z";
    private static final Pattern CODE = Pattern.compile("验证码是 (\\d{6})");
    private static MongoServer mongo;
    private static LocalSmsSink sms;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        if (mongo == null) {
            mongo = new MongoServer(new MemoryBackend());
            InetSocketAddress address = mongo.bind();
            registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + address.getPort());
            sms = new LocalSmsSink("127.0.0.1", 0);
            registry.add("tanchang.auth.people.sms.url", () -> "http://127.0.0.1:" + sms.port() + "/messages");
        }
    }

    @AfterAll
    static void stop() {
        if (mongo != null) {
            mongo.shutdownNow();
            sms.close();
            mongo = null;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongoTemplate;

    private final HttpClient http = HttpClient.newHttpClient();
    private OAuthTestClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new OAuthTestClient(port);
    }

    @Test
    void anAdminManagesAStaffAccountAndADisabledAccountsTokensStop() throws Exception {
        String admin = accessToken("admin", DEMO_PASSWORD);
        String township = accessToken("supervisor.lichuan", DEMO_PASSWORD);
        String create = """
                {"username":"member.hadapu","displayName":"杨建军（哈达铺镇网格员）","role":"GRID_MEMBER",
                 "areaCodes":["621223104001001"]}""";

        assertThat(call("POST", "/api/admin/staff", township, create).statusCode()).as("not an admin").isEqualTo(403);
        HttpResponse<String> invalid = call("POST", "/api/admin/staff", admin, """
                {"username":"member.hadapu","displayName":"杨建军","role":"GRID_MEMBER","areaCodes":["62122310"]}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json(invalid).get("errors").toString()).contains("areaCodes[0]");
        HttpResponse<String> citizenRole = call("POST", "/api/admin/staff", admin, create.replace("GRID_MEMBER", "CITIZEN"));
        assertThat(citizenRole.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/admin/staff/member.hadapu", admin, null).statusCode())
                .as("a refused request stores nothing").isEqualTo(404);

        HttpResponse<String> created = call("POST", "/api/admin/staff", admin, create);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String password = json(created).get("oneTimePassword").asString();
        assertThat(password).hasSize(20);
        assertThat(created.body()).doesNotContain("passwordHash", "{bcrypt}");
        assertThat(call("POST", "/api/admin/staff", admin, create).statusCode()).as("duplicate").isEqualTo(409);

        // the new member signs in; the token carries the role and areas the admin gave
        JsonNode tokens = tokens("member.hadapu", password);
        Jwt access = browser.decoder().decode(tokens.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo("member.hadapu");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("GRID_MEMBER");
        assertThat(access.getClaimAsStringList("scope_codes")).containsExactly("621223104001001");
        assertThat(access.getExpiresAt()).isBefore(access.getIssuedAt().plusSeconds(5 * 60 + 1));

        // new areas: the next refresh carries them
        HttpResponse<String> changed = call("PATCH", "/api/admin/staff/member.hadapu", admin,
                "{\"areaCodes\":[\"621223104001001\",\"621223104002001\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        HttpResponse<String> refreshed = browser.refresh(tokens.get("refresh_token").asString(), "tanchang-app");
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(browser.decoder().decode(json(refreshed).get("access_token").asString())
                .getClaimAsStringList("scope_codes")).containsExactly("621223104001001", "621223104002001");

        // readers: the county supervisor sees the account, a township's supervisor (other area) does not
        String county = accessToken("supervisor.county", DEMO_PASSWORD);
        HttpResponse<String> listed = call("GET", "/api/admin/staff?role=GRID_MEMBER", county, null);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("member.hadapu").doesNotContain("passwordHash", "{bcrypt}");
        assertThat(call("GET", "/api/admin/staff/member.hadapu", township, null).statusCode()).isEqualTo(404);
        assertThat(call("POST", "/api/admin/staff/member.hadapu/disable", county, null).statusCode())
                .as("supervisors only read").isEqualTo(403);

        // disabled: refresh and sign-in refused
        HttpResponse<String> disabled = call("POST", "/api/admin/staff/member.hadapu/disable", admin, null);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(browser.refresh(json(refreshed).get("refresh_token").asString(), "tanchang-app").statusCode())
                .isEqualTo(400);
        assertThat(location(new OAuthTestClient(port).login("member.hadapu", password))).endsWith("/login?error");

        // enabled again, then the password reset: the old password and its refresh token are refused, the new one works
        assertThat(call("POST", "/api/admin/staff/member.hadapu/enable", admin, null).statusCode()).isEqualTo(200);
        String beforeReset = tokens("member.hadapu", password).get("refresh_token").asString();
        HttpResponse<String> reset = call("POST", "/api/admin/staff/member.hadapu/password-reset", admin, null);
        String newPassword = json(reset).get("oneTimePassword").asString();
        assertThat(browser.refresh(beforeReset, "tanchang-app").statusCode()).isEqualTo(400);
        assertThat(location(new OAuthTestClient(port).login("member.hadapu", password))).endsWith("/login?error");
        assertThat(tokens("member.hadapu", newPassword).has("access_token")).isTrue();

        HttpResponse<String> audit = call("GET", "/api/audit/auth-server/records?target=member.hadapu", admin, null);
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(json(audit).get("items").findValuesAsString("action")).containsExactly("STAFF_PASSWORD_RESET",
                "STAFF_ENABLED", "STAFF_DISABLED", "STAFF_CHANGED", "STAFF_CREATED");
        assertThat(audit.body()).contains("\"actor\":\"admin\"").doesNotContain(password, newPassword);
        assertThat(call("GET", "/api/audit/auth-server/records", county, null).statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminRegistersAClientAndRotatesItsSecret() throws Exception {
        String admin = accessToken("admin", DEMO_PASSWORD);
        String register = """
                {"clientId":"wuhai-police","name":"乌海市公安局户政","scopes":["petition.read","referrals.read","referrals.write"],
                 "areaCodes":["621223"]}""";
        HttpResponse<String> badScope = call("POST", "/api/admin/clients", admin,
                register.replace("petition.read", "petition.admin"));
        assertThat(badScope.statusCode()).isEqualTo(400);
        assertThat(json(badScope).get("errors").toString()).contains("scopes[0]");
        assertThat(call("GET", "/api/admin/clients/wuhai-police", admin, null).statusCode()).isEqualTo(404);

        HttpResponse<String> registered = call("POST", "/api/admin/clients", admin, register);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String secret = json(registered).get("clientSecret").asString();
        assertThat(call("POST", "/api/admin/clients", admin, register).statusCode()).isEqualTo(409);

        HttpResponse<String> token = browser.clientCredentials("wuhai-police", secret, "petition.read");
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        Jwt jwt = browser.decoder().decode(json(token).get("access_token").asString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SYSTEM");
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("petition.read");
        assertThat(jwt.getClaimAsStringList("scope_codes")).containsExactly("621223");
        assertThat(browser.clientCredentials("wuhai-police", secret, "petition.write").statusCode()).isEqualTo(400);
        assertThat(browser.clientCredentials("wuhai-police", secret, "referrals.read referrals.write").statusCode())
                .as("an outside agency registered by an admin answers the referrals addressed to it").isEqualTo(200);

        HttpResponse<String> rotated = call("POST", "/api/admin/clients/wuhai-police/secret-rotation", admin, null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String newSecret = json(rotated).get("clientSecret").asString();
        assertThat(browser.clientCredentials("wuhai-police", secret, "petition.read").statusCode()).isEqualTo(401);
        assertThat(browser.clientCredentials("wuhai-police", newSecret, "petition.read").statusCode()).isEqualTo(200);

        HttpResponse<String> disabled = call("POST", "/api/admin/clients/wuhai-police/disable", admin, null);
        assertThat(json(disabled).get("enabled").asBoolean()).isFalse();
        assertThat(browser.clientCredentials("wuhai-police", newSecret, "petition.read").statusCode()).isEqualTo(401);
        HttpResponse<String> view = call("GET", "/api/admin/clients/wuhai-police", admin, null);
        assertThat(view.body()).doesNotContain(secret, newSecret, "{bcrypt}");
        HttpResponse<String> audit = call("GET", "/api/audit/auth-server/records?target=wuhai-police", admin, null);
        assertThat(json(audit).get("items").findValuesAsString("action"))
                .containsExactly("CLIENT_DISABLED", "CLIENT_SECRET_ROTATED", "CLIENT_REGISTERED");
    }

    @Test
    void aCitizenSignsUpWithACodeSentBySmsAndSignsInWithTheMobile() throws Exception {
        String mobile = "13800138000";
        assertThat(call("POST", "/api/citizens/sign-up", null, "{\"mobile\":\"12345\"}").statusCode()).isEqualTo(400);

        HttpResponse<String> started = call("POST", "/api/citizens/sign-up", null, "{\"mobile\":\"+86 138-0013-8000\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String first = lastCode(mobile);
        assertThat(confirm(mobile, wrong(first)).statusCode()).as("wrong code").isEqualTo(400);
        // the code's time runs out
        mongoTemplate.getCollection("sign_ups").updateMany(new Document(),
                new Document("$set", new Document("expiresAt", java.util.Date.from(Instant.now().minusSeconds(1)))));
        HttpResponse<String> expired = confirm(mobile, first);
        assertThat(expired.statusCode()).as("expired code").isEqualTo(400);
        assertThat(json(expired).get("type").asString()).isEqualTo("urn:tanchang-grid:problem:invalid-code");

        call("POST", "/api/citizens/sign-up", null, "{\"mobile\":\"" + mobile + "\"}");
        String second = lastCode(mobile);
        for (int i = 0; i < 5; i++) {
            assertThat(confirm(mobile, wrong(second)).statusCode()).isEqualTo(400);
        }
        assertThat(confirm(mobile, second).statusCode()).as("attempts used up: even the right code").isEqualTo(400);

        call("POST", "/api/citizens/sign-up", null, "{\"mobile\":\"" + mobile + "\"}");
        HttpResponse<String> confirmed = confirm(mobile, lastCode(mobile));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        String subject = json(confirmed).get("subject").asString();
        assertThat(subject).startsWith("c-").doesNotContain(mobile);
        assertThat(json(confirmed).get("mobile").asString()).isEqualTo("138****8000");
        assertThat(call("POST", "/api/citizens/sign-up", null, "{\"mobile\":\"" + mobile + "\"}").statusCode())
                .as("three codes an hour per number").isEqualTo(429);

        // signs in with the mobile; the token's subject is the opaque id, the number is nowhere
        Jwt token = browser.decoder().decode(tokens(mobile, "a long passphrase").get("access_token").asString());
        assertThat(token.getSubject()).isEqualTo(subject);
        assertThat(token.getClaimAsStringList("roles")).containsExactly("CITIZEN");
        assertThat(token.getClaimAsStringList("scope_codes")).isEmpty();
        assertThat(token.getClaims().toString()).doesNotContain(mobile);
        Document stored = mongoTemplate.getCollection("users").find(new Document("username", subject)).first();
        assertThat(stored.toJson()).doesNotContain(mobile, "a long passphrase").contains("138****8000");

        // no enumeration: a registered number gets the same answer (and its owner a reminder, no code)
        mongoTemplate.getCollection("sign_ups").updateMany(new Document(), new Document("$set",
                new Document("sentAt", List.of())));
        HttpResponse<String> again = call("POST", "/api/citizens/sign-up", null, "{\"mobile\":\"" + mobile + "\"}");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo(started.body());
        assertThat(sms.messagesTo(mobile).get(sms.messagesTo(mobile).size() - 1)).contains("已注册");
    }

    private HttpResponse<String> confirm(String mobile, String code) throws Exception {
        return call("POST", "/api/citizens/sign-up/confirm", null, """
                {"mobile":"%s","code":"%s","password":"a long passphrase","displayName":"刘桂芳"}"""
                .formatted(mobile, code));
    }

    private String lastCode(String mobile) {
        List<String> messages = sms.messagesTo(mobile);
        assertThat(messages).isNotEmpty();
        Matcher code = CODE.matcher(messages.get(messages.size() - 1));
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static String wrong(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }

    private JsonNode tokens(String username, String password) throws Exception {
        OAuthTestClient client = new OAuthTestClient(port);
        String verifier = randomUrlSafe(48);
        String code = client.authorize(username, password, OAuthTestClient.s256(verifier)).get("code");
        HttpResponse<String> exchanged = client.exchangeCode(code, verifier);
        assertThat(exchanged.statusCode()).as(exchanged.body()).isEqualTo(200);
        return json(exchanged);
    }

    private String accessToken(String username, String password) throws Exception {
        return tokens(username, password).get("access_token").asString();
    }

    private HttpResponse<String> call(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(browser.base() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
