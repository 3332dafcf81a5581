package org.tanchang.grid.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.cases.incident.Walk;
import org.tanchang.grid.cases.lost.LostFixtures;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The seed's thanks (锦旗「人民好警察 百姓贴心人」 for two thefts solved; 刘女士's letter for her handbag handed over):
 * recorded against a closed incident and a found item handed over, as the "commend" step of their tables (409 before),
 * on the timeline, with the giver masked in every answer and absent from the one event each.
 */
@ServiceIntegrationTest
class CommendationIntegrationTest {

    private static final String GIVER = "杨某某";
    private static final String PHONE = "13893912345";

    @LocalServerPort
    int port;

    private static String body(String kind, String text, String... staff) {
        return "{\"kind\":\"" + kind + "\",\"text\":\"" + text + "\",\"receivedOn\":\"2026-11-30\",\"giverName\":\""
                + GIVER + "\",\"giverPhone\":\"" + PHONE + "\",\"namedStaff\":[" + String.join(",",
                        Arrays.stream(staff).map(s -> "\"" + s + "\"").toList()) + "]}";
    }

    private static List<ConsumerRecord<String, String>> events(String topic, String key, String name) {
        return TestEvents.readAll(topic, Duration.ofMillis(500)).stream()
                .filter(r -> key.equals(r.key()) && name.equals(TestEvents.eventName(r))).toList();
    }

    @Test
    void aClosedCaseIsThankedWithABannerOnItsTimelineOnceWithTheGiverMasked() {
        String officerId = "officer.thanks-" + UUID.randomUUID();
        Walk walk = new Walk(port, officerId, "citizen-thanks-" + UUID.randomUUID());
        String id = walk.to("RESOLVED", "thanks-" + UUID.randomUUID());
        String commendations = "/api/incidents/" + id + "/commendations";
        String banner = body("BANNER", "人民好警察 百姓贴心人", officerId);

        var early = walk.officer().post(commendations, banner);
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(walk.take(id, "verify").status()).isEqualTo(200);
        assertThat(walk.take(id, "close").status()).isEqualTo(200);

        var stranger = walk.officer().post(commendations, body("BANNER", "人民好警察", "officer.nobody"));
        var noKind = walk.officer().post(commendations, banner.replace("\"kind\":\"BANNER\",", ""));
        var future = walk.officer().post(commendations, banner.replace("2026-11-30", "2099-01-01"));
        var otherArea = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER)).post(commendations, banner);
        var member = ApiClient.local(port).withToken(TestUsers.gridMember(Walk.GRID)).post(commendations, banner);
        assertThat(List.of(stranger.status(), noKind.status(), future.status())).as(stranger.text())
                .containsOnly(400);
        assertThat(stranger.text()).contains("namedStaff");
        assertThat(otherArea.status()).isEqualTo(404);
        assertThat(member.status()).isEqualTo(403);
        assertThat(walk.officer().get(commendations).json().get("items").size()).as("bad input changed nothing")
                .isZero();

        var recorded = walk.officer().post(commendations, banner);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.text()).doesNotContain(GIVER, PHONE);
        assertThat(recorded.json().get("giverName").asString()).isEqualTo("杨**");
        assertThat(recorded.json().get("namedStaff").get(0).asString()).isEqualTo(officerId);

        JsonNode list = walk.supervisor().get(commendations).json();
        assertThat(list.get("items").size()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("text").asString()).isEqualTo("人民好警察 百姓贴心人");
        assertThat(list.toString()).doesNotContain(GIVER, PHONE);
        assertThat(ApiClient.local(port).withToken(TestUsers.supervisor(TestUsers.MUER)).get(commendations).status())
                .isEqualTo(404);

        JsonNode incident = walk.officer().get("/api/incidents/" + id).json();
        assertThat(incident.get("state").asString()).isEqualTo("CLOSED");
        JsonNode last = incident.get("timeline").get(incident.get("timeline").size() - 1);
        assertThat(last.get("action").asString()).isEqualTo("commend");
        assertThat(last.get("remark").asString()).contains("BANNER", "人民好警察", officerId).doesNotContain(GIVER);

        List<ConsumerRecord<String, String>> published = await()
                .atMost(Duration.ofSeconds(20)).until(() -> events(Topics.INCIDENTS, id, "IncidentCommended"),
                        e -> !e.isEmpty());
        assertThat(events(Topics.INCIDENTS, id, "IncidentCommended")).hasSize(1);
        assertThat(published.get(0).value()).contains("\"matterType\":\"INCIDENT\"", "\"kind\":\"BANNER\"",
                officerId, Walk.GRID).doesNotContain(GIVER, PHONE);
        assertThat(events(Topics.INCIDENTS, id, "IncidentStateChanged")).as("the state did not change")
                .noneMatch(r -> r.value().contains("\"fromState\":\"CLOSED\""));
    }

    @Test
    void aHandoverIsThankedByLetterOnceTheItemIsReturned() {
        LostFixtures fx = new LostFixtures(port);
        String lost = fx.lost("citizen-liu-" + UUID.randomUUID());
        String found = fx.found("MATCHED", lost);
        String commendations = "/api/found-items/" + found + "/commendations";
        String letter = body("LETTER", "你们真的是全心全意为人民服务的好警察", "officer-own-township");

        assertThat(fx.officer().post(commendations, letter).status()).as("not handed over yet").isEqualTo(409);
        assertThat(fx.officer().post("/api/found-items/" + found + "/claim",
                LostFixtures.claimBody(lost, LostFixtures.ID_NUMBER)).status()).isEqualTo(200);
        assertThat(ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER)).post(commendations, letter)
                .status()).isEqualTo(404);
        assertThat(fx.officer().post(commendations, letter.replace("\"giverName\":\"" + GIVER + "\",", ""))
                .status()).isEqualTo(400);

        var recorded = fx.officer().post(commendations, letter);
        assertThat(recorded.status()).as(recorded.text()).isEqualTo(201);
        assertThat(recorded.json().get("giverPhone").asString()).isNotEqualTo(PHONE).endsWith("2345");
        JsonNode item = fx.officer().get("/api/found-items/" + found).json();
        assertThat(item.get("status").asString()).isEqualTo("RETURNED");
        assertThat(item.get("timeline").findValuesAsString("action")).endsWith("claim", "commend");
        assertThat(fx.officer().get(commendations).json().get("items").size()).isEqualTo(1);

        List<ConsumerRecord<String, String>> published = await()
                .atMost(Duration.ofSeconds(20)).until(() -> events(Topics.LOST_ITEMS, lost, "LostItemCommended"),
                        e -> !e.isEmpty());
        assertThat(published).hasSize(1);
        assertThat(published.get(0).value()).contains("\"matterId\":\"" + found + "\"", "\"kind\":\"LETTER\"")
                .doesNotContain(GIVER, PHONE);
    }
}
