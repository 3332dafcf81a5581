package org.tanchang.grid.mediation.dispute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Acceptance within 3 working days (tanchang.mediation.time-limits.acceptance), counted on the county's calendar: a
 * dispute brought on the eve of the National Day holiday (1-7 October 2026, the weekend inside it) is due on
 * Saturday 10 October, a day worked in exchange (调休), not on 3 October. YELLOW from 70% of the way (Wednesday
 * 7 October 10:00), RED when due; the list's flag filter agrees with what each dispute shows.
 */
@ServiceIntegrationTest
class DeadlineFlagTest {

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    private void at(String countyTime) {
        clock.freezeAt(OffsetDateTime.parse(countyTime + "+08:00").toInstant());
    }

    private JsonNode deadlineOf(DisputeDriver driver, String id) {
        return driver.api().get("/api/disputes/" + id).json().get("deadline");
    }

    private List<String> flagged(DisputeDriver driver, String flag) {
        JsonNode page = driver.api().get("/api/disputes?type=NEIGHBOUR&size=100&flag=" + flag).json();
        page.get("items").forEach(d -> assertThat(d.get("deadline").get("flag").asString()).as(d.get("id").asString())
                .isEqualTo(flag));
        return page.get("items").findValuesAsString("id");
    }

    @Test
    void theAcceptanceLimitSkipsTheHolidayAndItsWeekendAndFlagsYellowThenRed() {
        DisputeDriver driver = new DisputeDriver(port);
        at("2026-09-30T10:00:00");
        String id = driver.open();

        JsonNode deadline = deadlineOf(driver, id);
        assertThat(deadline.get("step").asString()).isEqualTo("acceptance");
        assertThat(deadline.get("limit").asString()).isEqualTo("3WD");
        assertThat(deadline.get("dueAt").asString()).isEqualTo("2026-10-10T10:00:00+08:00");
        assertThat(deadline.get("flag").isNull()).isTrue();

        at("2026-10-06T10:00:00");   // six calendar days on, but no working day yet
        assertThat(deadlineOf(driver, id).get("flag").isNull()).isTrue();
        assertThat(flagged(driver, "YELLOW")).doesNotContain(id);
        assertThat(flagged(driver, "RED")).doesNotContain(id);

        at("2026-10-07T10:30:00");
        assertThat(deadlineOf(driver, id).get("flag").asString()).isEqualTo("YELLOW");
        assertThat(flagged(driver, "YELLOW")).contains(id);
        assertThat(flagged(driver, "RED")).doesNotContain(id);

        at("2026-10-10T10:00:00");
        assertThat(deadlineOf(driver, id).get("flag").asString()).isEqualTo("RED");
        assertThat(flagged(driver, "RED")).contains(id);
        assertThat(flagged(driver, "YELLOW")).doesNotContain(id);

        driver.act(id, "accept");   // accepted late, but accepted: no limit runs until mediation starts
        assertThat(deadlineOf(driver, id).isNull()).isTrue();
        assertThat(flagged(driver, "RED")).doesNotContain(id);
    }

    @Test
    void anUnknownFlagIsAValidationProblem() {
        var refused = new DisputeDriver(port).api().get("/api/disputes?flag=GREEN");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("flag");
    }
}
