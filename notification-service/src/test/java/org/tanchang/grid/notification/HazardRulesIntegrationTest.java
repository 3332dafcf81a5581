package org.tanchang.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.grid.RosterAssignmentChanged;
import org.tanchang.grid.contracts.grid.RosterRole;
import org.tanchang.grid.contracts.hazard.HazardEscalated;
import org.tanchang.grid.contracts.hazard.HazardOverdue;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import tools.jackson.databind.JsonNode;

/**
 * Hazard rules of notification-rules.yml (安全隐患联治): an overdue hazard tells its responsible officer and grid member;
 * an escalation tells them and the supervisors of the level it went up to, from the roster, and nobody of another
 * township. Same context as RulesIntegrationTest; its people and township are its own.
 */
@ServiceIntegrationTest
class HazardRulesIntegrationTest {

    static final OffsetDateTime AT = OffsetDateTime.parse("2026-05-12T10:15:00+08:00");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    Inboxes inboxes;
    String n;

    @BeforeEach
    void setUp() {
        inboxes = new Inboxes(port);
        n = UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> void publish(EventType<T> type, String subject, T data) {
        TestEvents.publish(type, UUID.randomUUID().toString(), subject, data);
    }

    private void supervisorOf(String area, String person) {
        publish(RosterAssignmentChanged.TYPE, area, new RosterAssignmentChanged("ra-" + person, area,
                RosterRole.SUPERVISOR, person, "督办人", LocalDate.now().minusYears(1), null, 1));
    }

    @Test
    void anOverdueHazardTellsItsOfficerAndMemberAndAnEscalationTheNextLevelsSupervisorsToo() {
        String township = "621223" + n.replaceAll("\\D", "6").substring(0, 3);
        String otherTownship = "621223" + n.replaceAll("\\D", "5").substring(3, 6);
        String grid = township + "001001";
        String officer = "officer-" + n;
        String member = "member-" + n;
        String supervisor = "township-supervisor-" + n;
        String elsewhere = "other-supervisor-" + n;
        supervisorOf(township, supervisor);
        supervisorOf(otherTownship, elsewhere);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.count(Query.query(Criteria.where("personId").regex(n + "$")), "roster") >= 2);
        String id = "hzd-" + n;

        publish(HazardOverdue.TYPE, id, new HazardOverdue(id, grid, "FIRE", "HIGH", "GRID", "RECTIFYING",
                "rectification", AT, officer, member, grid));
        JsonNode overdue = inboxes.one(officer, id);
        assertThat(overdue.get("kind").asString()).isEqualTo("HAZARD_OVERDUE");
        assertThat(overdue.get("title").asString()).contains("红牌", id);
        assertThat(overdue.get("body").asString()).contains("2026-05-12 10:15", grid);
        assertThat(inboxes.one(member, id).get("kind").asString()).isEqualTo("HAZARD_OVERDUE");
        assertThat(inboxes.about(supervisor, id)).as("still the grid's matter").isEmpty();

        publish(HazardEscalated.TYPE, id, new HazardEscalated(id, grid, "FIRE", "HIGH", "GRID", "TOWNSHIP",
                "OVERDUE", officer, member, township, AT.plusMinutes(1)));
        JsonNode told = inboxes.one(supervisor, id);
        assertThat(told.get("kind").asString()).isEqualTo("HAZARD_ESCALATED");
        assertThat(told.get("title").asString()).contains("TOWNSHIP");
        assertThat(told.get("body").asString()).contains("整改超时", "隐患不消除不放过");
        assertThat(inboxes.await(officer, id, 2)).extracting(m -> m.get("kind").asString())
                .contains("HAZARD_ESCALATED");
        assertThat(inboxes.await(member, id, 2)).extracting(m -> m.get("kind").asString())
                .contains("HAZARD_ESCALATED");
        assertThat(inboxes.about(elsewhere, id)).as("another township's supervisor").isEmpty();
    }
}
