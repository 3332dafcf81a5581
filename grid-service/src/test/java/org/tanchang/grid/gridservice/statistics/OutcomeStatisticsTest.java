package org.tanchang.grid.gridservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.contracts.mediation.DisputeOpened;
import org.tanchang.grid.contracts.mediation.DisputeStateChanged;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.contracts.petition.RequestSubmitted;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Incidents resolved and closed, disputes resolved, fulfilled and closed, and requests completed, refused and closed,
 * counted from the real state names of case-, mediation- and petition-service: once per case, taken back when a case
 * is reopened, per area and month with the month before. Dated June and July 2027 in 大舍村, where no other test
 * puts anything.
 */
@ServiceIntegrationTest
class OutcomeStatisticsTest {

    static final String GRID = TestUsers.DASHE_GRID;
    static final OffsetDateTime JUNE = OffsetDateTime.parse("2027-06-10T10:00:00+08:00");
    static final OffsetDateTime JULY = OffsetDateTime.parse("2027-07-10T10:00:00+08:00");

    @LocalServerPort
    int port;

    private JsonNode july(String area) {
        return ApiClient.local(port).withToken(TestUsers.admin())
                .get("/api/area-statistics/" + area + "?period=MONTH&on=2027-07-20").json();
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static void dispute(String dispute, String from, String to, OffsetDateTime at) {
        TestEvents.publish(DisputeStateChanged.TYPE, id(), dispute, new DisputeStateChanged(dispute, GRID, "LAND",
                from, to, "GRID", "mediator.muer", at, null));
    }

    private static void incident(String from, String to, OffsetDateTime at) {
        TestEvents.publish(IncidentStateChanged.TYPE, id(), "i-outcome", new IncidentStateChanged("i-outcome",
                "621223-20270710-0009", GRID, "621223102", "THEFT", from, to, "officer.muer", "赵志强", at, null,
                "officer.muer", null));
    }

    private static void request(String request, String from, String to, OffsetDateTime at) {
        TestEvents.publish(RequestStateChanged.TYPE, id(), request, new RequestStateChanged(request, "R-" + request,
                "HUKOU", "citizen-1", "station-muer", from, to, "clerk.muer", at, null, List.of()));
    }

    @Test
    void resolvedAndClosedCasesAreCountedOncePerCaseWithTheMonthBefore() {
        for (int i = 0; i < 3; i++) {
            String d = "d-june-" + id();
            TestEvents.publish(DisputeOpened.TYPE, id(), d, new DisputeOpened(d, GRID, "PATROL", null, "争水", JUNE));
            if (i < 2) {
                dispute(d, "MEDIATING", "AGREED", JUNE.plusDays(1));
            }
        }
        String settled = "d-july-" + id();
        TestEvents.publish(DisputeOpened.TYPE, id(), settled, new DisputeOpened(settled, GRID, "PATROL", null, "地界",
                JULY, "LAND_BOUNDARY", "MEDIUM"));
        dispute(settled, "MEDIATING", "AGREED", JULY.plusDays(1));
        dispute(settled, "AGREED", "CONFIRMATION_PENDING", JULY.plusDays(2));
        dispute(settled, "CONFIRMATION_PENDING", "MEDIATING", JULY.plusDays(3));   // the court refused to confirm
        dispute(settled, "MEDIATING", "AGREED", JULY.plusDays(4));
        dispute(settled, "AGREED", "PERFORMING", JULY.plusDays(5));
        String fulfilled = id();
        TestEvents.publish(DisputeStateChanged.TYPE, fulfilled, settled, new DisputeStateChanged(settled, GRID,
                "LAND", "PERFORMING", "FULFILLED", "GRID", "mediator.muer", JULY.plusDays(6), null));
        // delivered twice, counted once
        TestEvents.publish(DisputeStateChanged.TYPE, fulfilled, settled, new DisputeStateChanged(settled, GRID,
                "LAND", "PERFORMING", "FULFILLED", "GRID", "mediator.muer", JULY.plusDays(6), null));
        dispute(settled, "FULFILLED", "ARCHIVED", JULY.plusDays(7));
        String declined = "d-declined-" + id();
        dispute(declined, "APPLIED", "DECLINED", JULY.plusDays(1));
        dispute(declined, "DECLINED", "ARCHIVED", JULY.plusDays(2));

        incident("IN_PROGRESS", "RESOLVED", JULY);
        incident("RESOLVED", "IN_PROGRESS", JULY.plusHours(1));       // verification rejected
        incident("IN_PROGRESS", "RESOLVED", JULY.plusHours(2));
        incident("RESOLVED", "VERIFIED", JULY.plusHours(3));
        incident("VERIFIED", "CLOSED", JULY.plusHours(4));
        incident("CLOSED", "EVALUATED", JULY.plusHours(5));

        for (String outcome : List.of("COMPLETED", "REFUSED")) {
            String r = "r-" + id();
            TestEvents.publish(RequestSubmitted.TYPE, id(), r, new RequestSubmitted(r, "R-" + r, "HUKOU", "户口迁移",
                    "WINDOW", "citizen-1", GRID, "station-muer", JULY, JULY.plusDays(5)));
            request(r, "IN_PROCESS", outcome, JULY.plusDays(1));
            request(r, outcome, "CLOSED", JULY.plusDays(2));
        }
        String last = "r-" + id();
        TestEvents.publish(RequestSubmitted.TYPE, id(), last, new RequestSubmitted(last, "R-" + last, "HUKOU", "户口",
                "WINDOW", "citizen-1", GRID, "station-muer", JULY, JULY.plusDays(5)));
        request(last, "IN_PROCESS", "COMPLETED", JULY.plusDays(3));
        request(last, "COMPLETED", "CLOSED", JULY.plusDays(4));
        request(last, "CLOSED", "RATED", JULY.plusDays(5));

        await().atMost(Duration.ofSeconds(30)).until(() -> july(GRID).get("counts").path("request_RATED").asDouble() == 1
                && july(GRID).get("counts").path("dispute_ARCHIVED").asDouble() == 2
                && july(GRID).get("counts").path("incident_EVALUATED").asDouble() == 1
                // every event of the scenario counted, not only the last of each kind (they travel on three topics)
                && july(GRID).get("counts").path("requestsClosed").asDouble() == 3
                && july(GRID).get("counts").path("disputesFulfilled").asDouble() == 1);
        JsonNode grid = july(GRID);
        JsonNode counts = grid.get("counts");
        assertThat(counts.has("disputesResolved")).as(counts.toString()).isTrue();
        assertThat(counts.get("disputesResolved").asDouble()).as("agreed, refused by the court, agreed again")
                .isEqualTo(1);
        assertThat(counts.get("disputesFulfilled").asDouble()).isEqualTo(1);
        assertThat(counts.get("disputeType_LAND_BOUNDARY").asDouble()).as("opened, by its type").isEqualTo(1);
        assertThat(grid.get("previous").get("counts").has("disputeType_LAND_BOUNDARY"))
                .as("June's disputes came from events without a type").isFalse();
        assertThat(counts.get("disputesClosed").asDouble()).as("the settled and the declined one").isEqualTo(2);
        assertThat(counts.get("incidentsResolved").asDouble()).as("resolved, rejected, resolved again").isEqualTo(1);
        assertThat(counts.get("incidentsClosed").asDouble()).isEqualTo(1);
        assertThat(counts.get("requestsCompleted").asDouble()).isEqualTo(2);
        assertThat(counts.get("requestsRefused").asDouble()).isEqualTo(1);
        assertThat(counts.get("requestsClosed").asDouble()).as("a rated request stays closed").isEqualTo(3);
        assertThat(grid.get("previous").get("counts").get("disputesResolved").asDouble()).isEqualTo(2);
        assertThat(grid.get("trends").get("disputesResolved").get("direction").asString()).isEqualTo("DOWN");
        assertThat(grid.get("trends").get("disputesOpened").get("direction").asString())
                .as("disputes fall month on month").isEqualTo("DOWN");
        assertThat(grid.get("trends").get("requestsCompleted").get("direction").asString()).isEqualTo("UP");

        JsonNode township = july("621223102");
        assertThat(township.get("children").get("621223102001").get("disputesResolved").asDouble()).isEqualTo(1);
        assertThat(township.get("children").get("621223102001").get("requestsCompleted").asDouble()).isEqualTo(2);
        assertThat(july("621223").get("counts").get("incidentsResolved").asDouble()).isGreaterThanOrEqualTo(1);
        assertThat(ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER))
                .get("/api/area-statistics/621223102001?period=MONTH&on=2027-07-20").json()
                .get("counts").get("incidentsClosed").asDouble()).isEqualTo(1);
    }
}
