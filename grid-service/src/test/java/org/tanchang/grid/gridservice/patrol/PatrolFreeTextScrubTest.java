package org.tanchang.grid.gridservice.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** ID and mobile numbers a member types into a finding leave grid-service masked; the stored report keeps them. */
@ServiceIntegrationTest
class PatrolFreeTextScrubTest {

    private static final String GRID = TestUsers.YANGJIA_GRID;
    private static final String TYPED = "王某（身份证110105194901020123，电话13893912345）";

    @LocalServerPort
    int port;

    @Test
    void theEventCarriesMaskedNumbersWhileTheOfficerSeesWhatWasTyped() {
        String party = "{\"kind\":\"PERSON\",\"role\":\"APPLICANT\",\"name\":\"王某\",\"claims\":\"赔偿，" + TYPED
                + "\"}";
        var created = ApiClient.local(port).withToken(TestUsers.gridMember(GRID)).post("/api/patrol-reports", """
                {"gridCode":"%s",
                 "startedAt":"2026-01-04T09:00:00+08:00","endedAt":"2026-01-04T11:30:00+08:00",
                 "findings":[{"kind":"DISPUTE","description":"地界纠纷，%s",
                   "dispute":{"type":"LAND_BOUNDARY","riskLevel":"LOW","parties":[%s]}}]}
                """.formatted(GRID, TYPED, party));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().get("id").asString();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(eventsOf(id)).hasSize(1));
        String event = eventsOf(id).get(0).value();
        assertThat(event).contains("地界纠纷，王某（身份证110105********0123，电话138****2345）",
                "赔偿，王某（身份证110105********0123，电话138****2345）");
        assertThat(event).doesNotContain("110105194901020123", "13893912345");

        JsonNode finding = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .get("/api/patrol-reports/" + id).json().get("findings").get(0);
        assertThat(finding.get("description").asString()).isEqualTo("地界纠纷，" + TYPED);
        assertThat(finding.get("dispute").get("parties").get(0).get("claims").asString()).isEqualTo("赔偿，" + TYPED);
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String reportId) {
        return TestEvents.readAll(Topics.PATROL_REPORTS, Duration.ofMillis(800)).stream()
                .filter(r -> reportId.equals(r.key())).toList();
    }
}
