package org.tanchang.grid.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestTokens;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * A service as resource server: only the auth server's valid tokens get in, roles decide the endpoint, area decides
 * the object, and writes and unmasked reads are in the audit trail.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.kafka.listener.auto-startup=false")   // must not take the other test's partitions
class ResourceServerIntegrationTest {

    private static final TestTokens TOKENS = TestTokens.shared();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aValidTokenGetsInAndEverythingElseIsA401Problem() {
        ApiClient api = ApiClient.local(port);

        var valid = api.post("/api/parcels", "{\"owner\":\"token\",\"weightGrams\":5}",
                "Authorization", "Bearer " + TOKENS.valid("officer.lichuan", "OFFICER", "621223101"));
        var none = api.post("/api/parcels", "{\"owner\":\"token\",\"weightGrams\":5}");
        var forged = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + TOKENS.forged("officer.lichuan"));
        var expired = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + TOKENS.expired("officer.lichuan"));
        var foreign = api.get("/api/parcels?minWeight=1", "Authorization", "Bearer " + TOKENS.fromOtherIssuer("x"));

        assertThat(valid.status()).isEqualTo(201);
        for (var refused : List.of(none, forged, expired, foreign)) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:unauthorized");
            assertThat(refused.json().get("requestId").asString()).isNotBlank();
        }
        assertThat(api.get("/actuator/health/liveness").status()).as("operations need no token").isEqualTo(200);
    }

    @Test
    void aRoleNotAllowedIsA403ProblemAndChangesNothing() {
        long before = mongo.getCollection("parcels").countDocuments();

        var refused = ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN))
                .post("/api/parcels", "{\"owner\":\"x\",\"weightGrams\":5}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:forbidden");
        assertThat(mongo.getCollection("parcels").countDocuments()).isEqualTo(before);
        assertThat(auditOf("mediator-621223101")).extracting(d -> d.getString("outcome")).containsExactly("DENIED");
    }

    /**
     * Issue 13, item 1: a system's role alone decides nothing; its token must hold a scope the operation names, and
     * an operation that names none is closed to systems. People are not affected by scopes.
     */
    @Test
    void aSystemNeedsAScopeTheOperationNamesAndNoScopeNamedMeansNoSystem() {
        long before = mongo.getCollection("parcels").countDocuments();
        ApiClient reader = ApiClient.local(port).withToken(TestUsers.system("reader-system", "grid.read"));
        ApiClient writer = ApiClient.local(port).withToken(TestUsers.system("writer-system", "grid.write"));
        ApiClient everything = ApiClient.local(port).withToken(TestUsers.system("all-scopes-system",
                TestTokens.READ_SCOPES.toArray(String[]::new)));

        var refused = reader.post("/api/parcels", "{\"owner\":\"x\",\"weightGrams\":5}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:forbidden");
        assertThat(refused.json().get("detail").asString()).contains("grid.write");
        assertThat(mongo.getCollection("parcels").countDocuments()).as("nothing stored").isEqualTo(before);
        assertThat(reader.get("/api/parcels?minWeight=1").status()).isEqualTo(200);
        assertThat(writer.get("/api/parcels?minWeight=1").status()).as("write does not imply read").isEqualTo(403);
        var created = writer.post("/api/parcels", "{\"owner\":\"x\",\"weightGrams\":5}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        var deliver = ApiClient.local(port).withToken(TOKENS.system("writer-system",
                List.of("grid.read", "grid.write", "cases.write"), TestUsers.COUNTY))
                .post("/api/parcels/" + id + "/deliver", "");
        assertThat(deliver.status()).as("SYSTEM allowed but no scope named: fail closed").isEqualTo(403);
        assertThat(deliver.json().get("detail").asString()).contains("names no client scope");
        assertThat(everything.post("/api/parcels", "{\"owner\":\"x\",\"weightGrams\":5}").status()).isEqualTo(403);
        assertThat(ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .post("/api/parcels/" + id + "/deliver", "").status()).as("people need no scope").isEqualTo(204);
    }

    @Test
    void theOpenApiDocumentNamesTheScopesOfEveryOperationOpenToSystems() {
        var doc = ApiClient.local(port).get("/v3/api-docs").json();
        var register = doc.get("paths").get("/api/parcels").get("post");
        var deliver = doc.get("paths").get("/api/parcels/{id}/deliver").get("post");
        var get = doc.get("paths").get("/api/parcels/{id}").get("get");

        assertThat(register.get("x-required-scopes").toString()).isEqualTo("[\"grid.write\"]");
        assertThat(register.get("description").asString())
                .contains("Systems (client credentials) need one of the scopes: grid.write.");
        assertThat(register.get("security").toString()).contains("{\"systems\":[\"grid.write\"]}");
        assertThat(deliver.get("x-required-scopes").toString()).isEqualTo("[]");
        assertThat(deliver.get("description").asString()).contains("no system may call this");
        assertThat(get.has("x-required-scopes")).as("not open to systems").isFalse();
        assertThat(doc.get("components").get("securitySchemes").get("systems").get("flows")
                .get("clientCredentials").get("scopes").has("cases.write")).isTrue();
    }

    @Test
    void anObjectOutsideTheCallersAreaIsNotFoundAndListsLeaveItOut() {
        ApiClient yangjia = ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.YANGJIA_GRID));
        ApiClient lasha = ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.LASHA_GRID));
        String id = yangjia.post("/api/parcels", "{\"owner\":\"杨家村\",\"weightGrams\":7777}").json().get("id").asString();

        assertThat(yangjia.get("/api/parcels/" + id).status()).isEqualTo(200);
        var hidden = lasha.get("/api/parcels/" + id);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString()).isEqualTo(
                ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.LASHA_GRID))
                        .get("/api/parcels/no-such-parcel").json().get("detail").asString().replace("no-such-parcel", id));
        assertThat(yangjia.get("/api/parcels?minWeight=7777").json().get("ids").toString()).contains(id);
        assertThat(lasha.get("/api/parcels?minWeight=7777").json().get("ids").toString()).doesNotContain(id);
        assertThat(lasha.post("/api/parcels", "{\"owner\":\"x\",\"weightGrams\":5,\"gridCode\":\"621223101001001\"}")
                .status()).as("writing into another grid").isEqualTo(403);
    }

    @Test
    void everyWriteAndEveryUnmaskedReadIsAudited() {
        ApiClient officer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN));
        String id = officer.post("/api/parcels", "{\"owner\":\"刘桂芳\",\"weightGrams\":5}",
                "X-Forwarded-For", "203.0.113.7").json().get("id").asString();

        assertThat(officer.get("/api/parcels/" + id).json().get("owner").asString()).isEqualTo("刘**");
        assertThat(officer.get("/api/parcels/" + id + "?unmask=true").json().get("owner").asString()).isEqualTo("刘桂芳");
        var memberUnmask = ApiClient.local(port).withToken(TestUsers.gridMember(TestUsers.YANGJIA_GRID))
                .get("/api/parcels/" + id + "?unmask=true");
        assertThat(memberUnmask.status()).isEqualTo(403);

        List<Document> records = mongo.find(Query.query(Criteria.where("objectId").is(id)), Document.class,
                "audit_trail");
        assertThat(records).extracting(d -> d.getString("action") + " " + d.getString("outcome") + " "
                        + d.getString("actor") + " " + d.getString("objectType"))
                .containsExactlyInAnyOrder("CREATE SUCCESS officer-621223101 parcels",
                        "READ_UNMASKED SUCCESS officer-621223101 parcels",
                        "READ_UNMASKED DENIED member-621223101001001 parcels");
        Document create = records.stream().filter(d -> d.getString("action").equals("CREATE")).findFirst().orElseThrow();
        assertThat(create.getString("role")).isEqualTo("OFFICER");
        assertThat(create.getString("client")).isEqualTo("tanchang-app");
        assertThat(create.getString("sourceAddress")).isEqualTo("203.0.113.7");
        assertThat(create.getString("hash")).hasSize(64);
    }

    @Test
    void supervisorsOfTheCountyQueryTheAuditTrailOthersAreRefused() {
        ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .post("/api/parcels", "{\"owner\":\"audit\",\"weightGrams\":5}");

        var county = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.COUNTY))
                .get("/api/audit/platform-test-app/records?actor=officer-621223101&action=CREATE");
        var township = ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.LICHUAN))
                .get("/api/audit/platform-test-app/records");
        var verification = ApiClient.local(port).withToken(TestUsers.admin())
                .get("/api/audit/platform-test-app/verification");

        assertThat(county.status()).isEqualTo(200);
        assertThat(county.json().get("items").size()).isPositive();
        assertThat(township.status()).isEqualTo(403);
        assertThat(verification.json().get("ok").asBoolean()).isTrue();
    }

    private List<Document> auditOf(String actor) {
        return mongo.find(Query.query(Criteria.where("actor").is(actor)), Document.class, "audit_trail");
    }
}
