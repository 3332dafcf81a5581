package org.tanchang.grid.gridservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.contracts.petition.RequestSubmitted;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Banners and letters (锦旗, 感谢信) from all four matter topics count per grid and day by kind, on the day received,
 * once however often delivered, and credit every member they name in the assessment with the configured weights
 * (BANNER 3, LETTER 2, OTHER 1). Dated November 2027 in 杨家村, where no other test puts anything.
 */
@ServiceIntegrationTest
class CommendationStatisticsTest {

    static final String GRID = TestUsers.YANGJIA_GRID;
    static final LocalDate RECEIVED = LocalDate.parse("2027-11-03");
    static final OffsetDateTime AT = OffsetDateTime.parse("2027-11-04T09:00:00+08:00");

    @LocalServerPort
    int port;

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static MatterCommended commended(String matterType, String matterId, String grid, String kind,
            String... staff) {
        return new MatterCommended(matterType, matterId, "commendation-" + id(), grid, kind, List.of(staff),
                RECEIVED, "officer.yangjia", AT);
    }

    private JsonNode day() {
        return ApiClient.local(port).withToken(TestUsers.admin())
                .get("/api/area-statistics/" + GRID + "?period=DAY&on=" + RECEIVED).json().get("counts");
    }

    @Test
    void commendationsCountPerGridDayByKindOnceAndCreditTheNamedMembers() {
        String incident = "i-thanks-" + id();
        String banner = id();
        MatterCommended bannerData = commended(MatterCommended.INCIDENT_MATTER, incident, GRID, "BANNER",
                "officer.thanks-a", "officer.thanks-b");
        TestEvents.publish(MatterCommended.INCIDENT, banner, incident, bannerData);
        TestEvents.publish(MatterCommended.INCIDENT, banner, incident, bannerData);   // delivered twice
        TestEvents.publish(MatterCommended.DISPUTE, id(), "d-thanks", commended(MatterCommended.DISPUTE_MATTER,
                "d-thanks", GRID, "LETTER", "mediator.thanks"));
        String request = "r-thanks-" + id();
        TestEvents.publish(RequestSubmitted.TYPE, id(), request, new RequestSubmitted(request, "R-" + request,
                "HUKOU", "户口补录", "WINDOW", null, GRID, "621223101", AT.minusDays(20), AT.minusDays(15)));
        // a request that named no grid in the event: counted in the grid it was submitted for
        TestEvents.publish(MatterCommended.REQUEST, id(), request, commended(MatterCommended.REQUEST_MATTER, request,
                null, "BANNER", "clerk.thanks"));
        TestEvents.publish(MatterCommended.LOST_ITEM, id(), "lost-thanks", commended(MatterCommended.LOST_ITEM_MATTER,
                "found-thanks", GRID, "OTHER", "officer.thanks-b"));
        // after the duplicate on the same key and partition, so once this is counted the duplicate was handled
        TestEvents.publish(MatterCommended.INCIDENT, id(), incident, commended(MatterCommended.INCIDENT_MATTER,
                incident, GRID, "LETTER", "officer.thanks-a"));

        await().atMost(Duration.ofSeconds(30)).until(() -> day().path("commendations").asDouble() == 5);
        JsonNode counts = day();
        assertThat(counts.get("commendation_BANNER").asDouble()).as(counts.toString()).isEqualTo(2);
        assertThat(counts.get("commendation_LETTER").asDouble()).isEqualTo(2);
        assertThat(counts.get("commendation_OTHER").asDouble()).isEqualTo(1);

        JsonNode members = ApiClient.local(port).withToken(TestUsers.admin())
                .get("/api/member-assessments?gridCode=" + GRID + "&from=2027-11-01&to=2027-11-30&size=100").json();
        assertThat(score(members, "officer.thanks-a")).as("a banner and a letter").isEqualTo(5.0);
        assertThat(score(members, "officer.thanks-b")).as("the same banner, and other thanks").isEqualTo(4.0);
        assertThat(score(members, "mediator.thanks")).isEqualTo(2.0);
        assertThat(score(members, "clerk.thanks")).isEqualTo(3.0);
    }

    private static double score(JsonNode members, String memberId) {
        for (JsonNode m : members.get("items")) {
            if (memberId.equals(m.get("memberId").asString())) {
                return m.get("score").asDouble();
            }
        }
        throw new AssertionError(memberId + " not assessed: " + members);
    }
}
