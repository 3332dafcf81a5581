package org.tanchang.grid.gridservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Who may file and read patrol reports: the member is the signed-in person, reports stay in their areas, and the
 * patrol route is personal data (encrypted at rest, never published, shown only unmasked to an allowed role and
 * audited).
 */
@ServiceIntegrationTest
class PatrolReportSecurityTest {

    /** Coordinates that occur nowhere else in a report, so finding them anywhere means the route leaked. */
    static final String TRACKED = """
            {"gridCode":"%s",
             "startedAt":"2026-02-10T09:00:00+08:00","endedAt":"2026-02-10T11:00:00+08:00",
             "findings":[{"kind":"HAZARD","description":"路边护栏损坏","location":{"longitude":104.392,"latitude":34.047}}],
             "track":[{"longitude":104.381234,"latitude":34.052345,"at":"2026-02-10T09:05:00+08:00"},
                      {"longitude":104.383456,"latitude":34.054567,"at":"2026-02-10T01:20:00Z"},
                      {"longitude":104.385678,"latitude":34.056789,"at":"2026-02-10T09:35:00+08:00"}]}
            """.formatted(TestUsers.YANGJIA_GRID);

    static final List<String> TRACK_COORDINATES = List.of("104.381234", "34.052345", "104.383456", "34.054567",
            "104.385678", "34.056789");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private ApiClient yangjiaMember() {
        return as(TestUsers.gridMember(TestUsers.YANGJIA_GRID));
    }

    private String submitTracked() {
        var created = yangjiaMember().post("/api/patrol-reports", TRACKED);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private List<ConsumerRecord<String, String>> events() {
        return TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(800));
    }

    private List<Document> audit(String objectId) {
        return mongo.find(Query.query(Criteria.where("objectId").is(objectId)), Document.class, "audit_trail");
    }

    @Test
    void theMemberIsTheSignedInPersonNeverTheBody() {
        var created = yangjiaMember().post("/api/patrol-reports", PatrolReportFlowTest.report(TestUsers.YANGJIA_GRID));
        var claimsSomeoneElse = yangjiaMember().post("/api/patrol-reports", PatrolReportFlowTest
                .report(TestUsers.YANGJIA_GRID).replaceFirst("\\{", "{\"memberId\":\"member-other\","));
        var namesSomeoneElse = yangjiaMember().post("/api/patrol-reports", PatrolReportFlowTest
                .report(TestUsers.YANGJIA_GRID).replaceFirst("\\{", "{\"memberName\":\"李德明\","));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("memberId").asString()).isEqualTo("member-" + TestUsers.YANGJIA_GRID);
        assertThat(created.json().get("memberName").asString()).isEqualTo("member-" + TestUsers.YANGJIA_GRID);
        Document stored = mongo.findById(created.json().get("id").asString(), Document.class, "patrol_reports");
        assertThat(stored.getString("memberId")).isEqualTo("member-" + TestUsers.YANGJIA_GRID);
        assertThat(claimsSomeoneElse.status()).isEqualTo(400);
        assertThat(claimsSomeoneElse.json().get("detail").asString()).isEqualTo("Unknown field 'memberId'");
        assertThat(namesSomeoneElse.status()).isEqualTo(400);
        assertThat(namesSomeoneElse.json().get("detail").asString()).isEqualTo("Unknown field 'memberName'");
    }

    @Test
    void aReportIntoAGridOutsideTheCallersAreaIsRefusedAndNothingIsStoredOrPublished() {
        String intruder = "intruder-" + UUID.randomUUID();
        long before = mongo.getCollection("patrol_reports").countDocuments();

        var otherGrid = as(TestUsers.token(intruder, "GRID_MEMBER", TestUsers.LASHA_GRID))
                .post("/api/patrol-reports", TRACKED, "Idempotency-Key", "intruder-key-01");
        var otherTownship = as(TestUsers.token(intruder, "OFFICER", TestUsers.MUER))
                .post("/api/patrol-reports", TRACKED);

        assertThat(otherGrid.status()).isEqualTo(403);
        assertThat(otherGrid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(otherGrid.json().get("type").asString()).isEqualTo("urn:tanchang-grid:problem:forbidden");
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(mongo.getCollection("patrol_reports").countDocuments()).isEqualTo(before);
        assertThat(events()).noneMatch(event -> event.value().contains(intruder));
        assertThat(mongo.find(Query.query(Criteria.where("actor").is(intruder)), Document.class, "audit_trail"))
                .extracting(d -> d.getString("action") + " " + d.getString("outcome"))
                .containsExactly("CREATE DENIED", "CREATE DENIED");
    }

    @Test
    void theRouteIsStoredOnlyEncryptedAndNeverPublished() {
        String id = submitTracked();

        Document raw = mongo.findById(id, Document.class, "patrol_reports");
        assertThat(raw.toJson()).doesNotContain(TRACK_COORDINATES);
        Document track = raw.get("track", Document.class);
        assertThat(track.getString("ciphertext")).startsWith("v1:");
        assertThat(track.getString("masked")).isEqualTo("****");
        assertThat(raw.getInteger("trackPoints")).isEqualTo(3);

        await().atMost(Duration.ofSeconds(20)).until(() -> events().stream().anyMatch(e -> id.equals(e.key())));
        ConsumerRecord<String, String> event = events().stream().filter(e -> id.equals(e.key())).findFirst()
                .orElseThrow();
        assertThat(event.value()).contains("104.392").doesNotContain(TRACK_COORDINATES).doesNotContain("track");
    }

    @Test
    void responsesShowTheRouteOnlyUnmaskedToAnAllowedRoleAndEveryUnmaskedReadIsAudited() {
        String id = submitTracked();
        ApiClient officer = as(TestUsers.officer(TestUsers.LICHUAN));

        JsonNode masked = yangjiaMember().get("/api/patrol-reports/" + id).json();
        JsonNode listed = officer.get("/api/patrol-reports?gridCode=" + TestUsers.YANGJIA_GRID + "&size=100").json();
        var unmasked = officer.get("/api/patrol-reports/" + id + "?unmask=true");
        var memberAsks = yangjiaMember().get("/api/patrol-reports/" + id + "?unmask=true");
        var otherTownshipAsks = as(TestUsers.officer(TestUsers.MUER)).get("/api/patrol-reports/" + id + "?unmask=true");

        assertThat(masked.get("trackPoints").asInt()).isEqualTo(3);
        assertThat(masked.get("track").isNull()).as("present and null").isTrue();
        assertThat(masked.toString()).doesNotContain(TRACK_COORDINATES);
        assertThat(listed.toString()).contains(id).doesNotContain(TRACK_COORDINATES);
        assertThat(unmasked.status()).isEqualTo(200);
        assertThat(unmasked.json().get("trackPoints").asInt()).isEqualTo(3);
        JsonNode points = unmasked.json().get("track");
        assertThat(points.findValuesAsString("at")).containsExactly("2026-02-10T09:05:00+08:00",
                "2026-02-10T09:20:00+08:00", "2026-02-10T09:35:00+08:00");
        assertThat(points.get(0).get("longitude").asDouble()).isEqualTo(104.381234);
        assertThat(points.get(2).get("latitude").asDouble()).isEqualTo(34.056789);
        assertThat(memberAsks.status()).isEqualTo(403);
        assertThat(memberAsks.text()).doesNotContain(TRACK_COORDINATES);
        assertThat(otherTownshipAsks.status()).as("outside the area: not found, before any unmasking").isEqualTo(404);

        assertThat(audit(id)).filteredOn(d -> d.getString("action").equals("READ_UNMASKED"))
                .extracting(d -> d.getString("outcome") + " " + d.getString("actor") + " " + d.getString("objectType"))
                .containsExactlyInAnyOrder("SUCCESS officer-621223101 patrol-reports",
                        "DENIED member-621223101001001 patrol-reports");
    }

    @Test
    void reportsAndStatisticsOutsideTheCallersAreaAreNotFoundAndLeftOutOfLists() {
        String id = submitTracked();
        ApiClient lasha = as(TestUsers.gridMember(TestUsers.LASHA_GRID));
        ApiClient muerOfficer = as(TestUsers.officer(TestUsers.MUER));

        var hidden = lasha.get("/api/patrol-reports/" + id);
        var missing = lasha.get("/api/patrol-reports/pr-no-such-report");
        var hiddenGrid = muerOfficer.get("/api/grid-statistics/" + TestUsers.YANGJIA_GRID);
        var missingGrid = muerOfficer.get("/api/grid-statistics/621223102999001");

        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail").asString())
                .isEqualTo(missing.json().get("detail").asString().replace("pr-no-such-report", id));
        assertThat(lasha.get("/api/patrol-reports?size=100").text()).doesNotContain(id);
        assertThat(lasha.get("/api/patrol-reports?gridCode=" + TestUsers.YANGJIA_GRID).json().get("total").asLong())
                .as("naming the grid does not widen the area").isZero();
        assertThat(as(TestUsers.supervisor(TestUsers.COUNTY)).get("/api/patrol-reports?size=100").text()).contains(id);
        assertThat(hiddenGrid.status()).isEqualTo(404);
        assertThat(hiddenGrid.json().get("detail").asString()).isEqualTo(missingGrid.json().get("detail").asString()
                .replace("621223102999001", TestUsers.YANGJIA_GRID));

        await().atMost(Duration.ofSeconds(20)).until(() -> yangjiaMember()
                .get("/api/grid-statistics?from=2026-02-01&to=2026-02-28").text().contains(TestUsers.YANGJIA_GRID));
        assertThat(muerOfficer.get("/api/grid-statistics?from=2026-02-01&to=2026-02-28").text())
                .doesNotContain(TestUsers.YANGJIA_GRID);
        var totals = yangjiaMember().get("/api/grid-statistics?from=2026-02-01&to=2026-02-28").json();
        assertThat(totals.get("items").findValuesAsString("gridCode")).as("one list shape: a page")
                .contains(TestUsers.YANGJIA_GRID);
        assertThat(totals.get("total").asLong()).isEqualTo(totals.get("items").size());
    }
}
