package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.contracts.grid.RosterRole;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** Grid → township → county, by risk at once and by time on the sweep's clock, with the roster's mediators. */
@ServiceIntegrationTest
class EscalationTest {

    @LocalServerPort
    int port;

    @Autowired
    Escalation escalation;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private void rosterHas(String assignmentId, String areaCode, String personId, long version) {
        RosterAssignmentChanged a = new RosterAssignmentChanged(assignmentId, areaCode, RosterRole.MEDIATOR, personId,
                "调解员", LocalDate.parse("2026-01-01"), null, version);
        TestEvents.publishAndAwaitHandled(meters, RosterAssignmentChanged.TYPE, UUID.randomUUID().toString(),
                areaCode, a);
    }

    @Test
    void anUnresolvedDisputeGoesUpALevelOnceItsTimeAtTheLevelHasPassed() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        rosterHas("roster-" + suffix, TestUsers.LICHUAN, "mediator-lichuan-" + suffix, 1);
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("MEDIATING");
        assertThat(driver.api().get("/api/disputes/" + id).json().get("level").asString()).isEqualTo("GRID");

        escalation.sweep(Clock.offset(Clock.systemUTC(), Duration.ofDays(6)));
        assertThat(driver.api().get("/api/disputes/" + id).json().get("level").asString())
                .as("six days at the grid is within the limit").isEqualTo("GRID");

        escalation.sweep(Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));
        JsonNode township = driver.api().get("/api/disputes/" + id).json();
        assertThat(township.get("level").asString()).isEqualTo("TOWNSHIP");
        assertThat(township.get("mediatorIds").valueStream().map(JsonNode::asString).toList())
                .contains("mediator-lichuan-" + suffix);

        escalation.sweep(Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));
        assertThat(driver.api().get("/api/disputes/" + id).json().get("level").asString())
                .as("the clock restarts at the new level").isEqualTo("TOWNSHIP");
        escalation.sweep(Clock.offset(Clock.systemUTC(), Duration.ofDays(8 + 16)));
        assertThat(driver.api().get("/api/disputes/" + id).json().get("level").asString()).isEqualTo("COUNTY");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                TestEvents.readAll(Topics.DISPUTES, Duration.ofMillis(500)).stream()
                        .filter(r -> id.equals(r.key()) && "DisputeEscalated".equals(TestEvents.eventName(r)))
                        .map(r -> TestEvents.header(r, "ce_id")).distinct().count()).isEqualTo(2));
    }

    @Test
    void aSettledDisputeStaysWhereItIs() {
        DisputeDriver driver = new DisputeDriver(port);
        String id = driver.openIn("AGREED");

        escalation.sweep(Clock.offset(Clock.systemUTC(), Duration.ofDays(30)));

        assertThat(driver.api().get("/api/disputes/" + id).json().get("level").asString()).isEqualTo("GRID");
    }

    @Test
    void aHighRiskDisputeGoesToTheTownshipAtOnce() {
        DisputeDriver driver = new DisputeDriver(port);
        var opened = driver.api().post("/api/disputes", DisputeDriver.OPEN_BODY.replace("MEDIUM", "HIGH"));

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.json().get("level").asString()).isEqualTo("TOWNSHIP");
        assertThat(opened.json().get("timeline").findValuesAsString("action")).containsExactly("open", "escalate");
    }

    @Test
    void aRepeatedOrOlderRosterEventChangesNothing() {
        String assignment = "roster-" + UUID.randomUUID();
        rosterHas(assignment, "621223", "mediator-county-new", 2);
        rosterHas(assignment, "621223", "mediator-county-old", 1);
        rosterHas(assignment, "621223", "mediator-county-new", 2);

        var stored = mongo.find(Query.query(Criteria.where("_id").is(assignment)), org.bson.Document.class,
                "mediator_roster");
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("personId")).isEqualTo("mediator-county-new");
        assertThat(((Number) stored.get(0).get("version")).longValue()).isEqualTo(2);
    }
}
