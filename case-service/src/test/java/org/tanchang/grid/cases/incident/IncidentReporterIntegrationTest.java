package org.tanchang.grid.cases.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.personaldata.ChineseIdNumber;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The reporter's personal data as the people around an incident see it: encrypted in the database, absent from the
 * event, masked in responses, in plain only for an officer who asks (and that read is on record), and findable by the
 * exact phone or identity number without either being stored in plain.
 */
@ServiceIntegrationTest
class IncidentReporterIntegrationTest {

    private static final String GRID = TestUsers.YANGJIA_GRID;
    private static final String NAME = "李德明";
    private static final String ID_NUMBER = "110105194901020123";
    private static final String PHONE = "13800138000";
    private static final String ADDRESS = "宕昌县理川镇杨家村三组12号";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /** An officer of 理川镇, whose area holds 杨家村's grid. */
    private ApiClient officer() {
        return as(TestUsers.officer(TestUsers.LICHUAN));
    }

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private static String report(String name, String idNumber, String phone, String address) {
        return "{\"source\":\"WALK_IN\",\"gridCode\":\"" + GRID + "\",\"description\":\"家中药材被盗\","
                + "\"reporter\":" + ApiClient.json(reporter(name, idNumber, phone, address)) + "}";
    }

    private static Map<String, String> reporter(String name, String idNumber, String phone, String address) {
        var reporter = new java.util.LinkedHashMap<String, String>();
        reporter.put("name", name);
        reporter.put("idNumber", idNumber);
        reporter.put("phone", phone);
        reporter.put("address", address);
        return reporter;
    }

    private String reportAsOfficer(String idNumber, String phone) {
        var created = officer().post("/api/incidents", report(NAME, idNumber, phone, ADDRESS));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String randomPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String randomIdNumber() {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
        String first17 = "621223" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    private List<String> auditOf(String id) {
        return mongo.find(Query.query(Criteria.where("objectId").is(id)), Document.class, "audit_trail").stream()
                .map(d -> d.getString("action") + " " + d.getString("outcome") + " " + d.getString("actor") + " "
                        + d.getString("objectType"))
                .toList();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void theReportersDetailsAreEncryptedAtRestLeftOutOfTheEventAndMaskedInTheResponse() {
        var created = officer().post("/api/incidents", report(NAME, ID_NUMBER, PHONE, ADDRESS));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        JsonNode shown = created.json().get("reporter");
        assertThat(shown.get("name").asString()).isEqualTo("李**");
        assertThat(shown.get("idNumber").asString()).isEqualTo("110105********0123");
        assertThat(shown.get("phone").asString()).isEqualTo("138****8000");
        assertThat(shown.get("address").asString()).isEqualTo("宕昌县理川镇****");
        assertThat(shown.get("masked").asBoolean()).isTrue();
        assertThat(created.text()).doesNotContain(ID_NUMBER, PHONE, ADDRESS, NAME);

        Document stored = mongo.findById(id, Document.class, "incidents");
        assertThat(stored.toJson()).doesNotContain(ID_NUMBER, PHONE, "杨家村三组12号", NAME);
        Document storedIdNumber = stored.get("reporter", Document.class).get("idNumber", Document.class);
        assertThat(storedIdNumber.getString("ciphertext")).startsWith("v1:");
        assertThat(storedIdNumber.getString("hash")).hasSize(64);
        assertThat(storedIdNumber.getString("masked")).isEqualTo("110105********0123");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<ConsumerRecord<String, String>> events = TestEvents.readAll(Topics.INCIDENTS, Duration.ofSeconds(1))
                    .stream().filter(r -> id.equals(TestEvents.header(r, "ce_subject"))).toList();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).value()).contains("家中药材被盗")
                    .doesNotContain(ID_NUMBER, PHONE, "杨家村三组12号", NAME, "110105********0123", "reporter");
        });
    }

    @Test
    void anOfficerMayUnmaskAndThatReadIsOnRecord() {
        String id = reportAsOfficer(ID_NUMBER, "+86 138-0013-8000");

        var masked = officer().get("/api/incidents/" + id);
        var unmasked = officer().get("/api/incidents/" + id + "?unmask=true");

        assertThat(masked.json().get("reporter").get("phone").asString()).isEqualTo("138****8000");
        assertThat(unmasked.status()).isEqualTo(200);
        JsonNode reporter = unmasked.json().get("reporter");
        assertThat(reporter.get("name").asString()).isEqualTo(NAME);
        assertThat(reporter.get("idNumber").asString()).isEqualTo(ID_NUMBER);
        assertThat(reporter.get("phone").asString()).as("normalised").isEqualTo(PHONE);
        assertThat(reporter.get("address").asString()).isEqualTo(ADDRESS);
        assertThat(reporter.get("masked").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(auditOf(id)).containsExactlyInAnyOrder(
                "CREATE SUCCESS officer-621223101 incidents",
                "READ_UNMASKED SUCCESS officer-621223101 incidents"));
    }

    @Test
    void aGridMemberAskingToUnmaskIsRefusedAndTheRefusalIsOnRecord() {
        String id = reportAsOfficer(ID_NUMBER, PHONE);
        ApiClient gridMember = as(TestUsers.gridMember(TestUsers.YANGJIA_GRID));

        var refused = gridMember.get("/api/incidents/" + id + "?unmask=true");
        var masked = gridMember.get("/api/incidents/" + id);
        var otherTownship = as(TestUsers.officer(TestUsers.MUER)).get("/api/incidents/" + id + "?unmask=true");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.text()).doesNotContain(ID_NUMBER, PHONE, NAME);
        assertThat(masked.status()).isEqualTo(200);
        assertThat(masked.json().get("reporter").get("idNumber").asString()).isEqualTo("110105********0123");
        assertThat(otherTownship.status()).as("outside the area it stays unknown, unmask or not").isEqualTo(404);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(auditOf(id)).containsExactlyInAnyOrder(
                "CREATE SUCCESS officer-621223101 incidents",
                "READ_UNMASKED DENIED member-621223101001001 incidents"));
    }

    @Test
    void aReportersIncidentsAreFoundByTheExactPhoneOrIdNumberInTheCallersAreaOnly() {
        String phone = randomPhone();
        String idNumber = randomIdNumber();
        String id = reportAsOfficer(idNumber, phone);
        reportAsOfficer(randomIdNumber(), randomPhone());
        String spaced = "+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7);

        JsonNode byPhone = officer().get("/api/incidents?reporterPhone=" + phone).json();
        JsonNode bySpacedPhone = officer().get("/api/incidents?reporterPhone=" + encoded(spaced)).json();
        JsonNode byIdNumber = officer().get("/api/incidents?reporterIdNumber=" + idNumber).json();
        JsonNode bothMustMatch = officer().get("/api/incidents?reporterIdNumber=" + idNumber + "&reporterPhone="
                + randomPhone()).json();
        JsonNode elsewhere = as(TestUsers.officer(TestUsers.MUER)).get("/api/incidents?reporterPhone=" + phone).json();

        assertThat(byPhone.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(byPhone.get("items").get(0).get("reporter").get("phone").asString())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(byPhone.toString()).doesNotContain(phone, idNumber);
        assertThat(bySpacedPhone.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(byIdNumber.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(bothMustMatch.get("total").asLong()).isZero();
        assertThat(elsewhere.get("total").asLong()).isZero();
    }

    @Test
    void invalidSearchNumbersAre400ProblemsNamingTheFilter() {
        var badPhone = officer().get("/api/incidents?reporterPhone=1380013800");
        var badIdNumber = officer().get("/api/incidents?reporterIdNumber=110105194901020124");

        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.header("Content-Type")).startsWith("application/problem+json");
        assertThat(badPhone.json().get("errors").findValuesAsString("field")).containsExactly("reporterPhone");
        assertThat(badIdNumber.status()).isEqualTo(400);
        assertThat(badIdNumber.json().get("errors").findValuesAsString("field")).containsExactly("reporterIdNumber");
        assertThat(badIdNumber.text()).doesNotContain("110105194901020124");
    }

    @Test
    void invalidReporterDetailsAre400ProblemsNamingTheFieldAndStoreNothing() {
        long incidents = mongo.getCollection("incidents").countDocuments();
        Map<String, String> reasonOfIdNumber = Map.of(
                "110105194901020124", "check character",      // one digit mistyped
                "110105194902310122", "not a real date",      // 31 February 1949, check character right
                "110105490102012", "15-digit");                // first-generation card
        reasonOfIdNumber.forEach((idNumber, reason) -> {
            var response = officer().post("/api/incidents", report(NAME, idNumber, PHONE, ADDRESS));
            assertThat(response.status()).as(idNumber).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            JsonNode error = response.json().get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("reporter.idNumber");
            assertThat(error.get("message").asString()).contains(reason);
            assertThat(response.text()).as("the number is not echoed").doesNotContain(idNumber);
        });
        Map<String, String> fieldOfBody = Map.of(
                "reporter.phone", report(NAME, ID_NUMBER, "1380013800", ADDRESS),
                "reporter.name", report("李".repeat(51), ID_NUMBER, PHONE, ADDRESS),
                "reporter.address", report(NAME, ID_NUMBER, PHONE, "宕".repeat(201)));
        fieldOfBody.forEach((field, body) -> {
            var response = officer().post("/api/incidents", body);
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(field);
        });
        assertThat(mongo.getCollection("incidents").countDocuments()).isEqualTo(incidents);
    }
}
