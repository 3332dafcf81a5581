package org.tanchang.grid.cases.lost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** Keyed creates, the found-items list with its filters and scope, and the disposal sweep. */
@ServiceIntegrationTest
class LostPropertyApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DisposalSweep sweep;

    private String intakeAt(ApiClient officer, String custody) {
        String body = LostFixtures.foundBody("PHONE", "黑色手机", "2026-11-20T10:00:00+08:00", 104.5, null)
                .replace("理川派出所失物保管柜3号", custody);
        var created = officer.post("/api/found-items", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void anIdempotencyKeyMakesARetryReturnTheFirstObjectForThatCallerOnly() {
        LostFixtures fixtures = new LostFixtures(port);
        String key = "retry-" + UUID.randomUUID();
        String lostBody = LostFixtures.lostBody("citizen-key", LostFixtures.ID_NUMBER, "钱包");
        var first = fixtures.officer().post("/api/lost-reports", lostBody, "Idempotency-Key", key);
        var retry = fixtures.officer().post("/api/lost-reports", lostBody, "Idempotency-Key", key);
        var otherCaller = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.LICHUAN))
                .post("/api/lost-reports", lostBody, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(otherCaller.status()).isEqualTo(201);
        assertThat(otherCaller.json().get("id")).isNotEqualTo(first.json().get("id"));

        String foundBody = LostFixtures.foundBody("BAG", "背包", "2026-11-28T16:10:00+08:00", 104.5, null);
        var intake = fixtures.officer().post("/api/found-items", foundBody, "Idempotency-Key", key);
        var again = fixtures.officer().post("/api/found-items", foundBody, "Idempotency-Key", key);
        assertThat(intake.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("receiptNumber")).isEqualTo(intake.json().get("receiptNumber"));
        assertThat(fixtures.officer().post("/api/found-items", foundBody, "Idempotency-Key", "short").status())
                .isEqualTo(400);
    }

    @Test
    void theFoundItemsListFiltersWithinTheCallersArea() {
        ApiClient officer = new LostFixtures(port).officer();
        String custody = "柜-" + UUID.randomUUID();
        String kept = intakeAt(officer, custody);
        String noticed = intakeAt(officer, custody);
        officer.post("/api/found-items/" + noticed + "/notice", "{\"publicDescription\":\"拾得黑色手机一部\"}");
        String base = "/api/found-items?custodyLocation=" + custody;

        assertThat(officer.get(base).json().get("items").findValuesAsString("id")).containsExactly(noticed, kept);
        assertThat(officer.get(base + "&status=NOTICED").json().get("items").findValuesAsString("id"))
                .containsExactly(noticed);
        assertThat(officer.get(base + "&category=BAG").json().get("total").asInt()).isZero();
        assertThat(officer.get(base + "&receivedFrom=2000-01-01T00:00:00%2B08:00&receivedTo=2000-02-01T00:00:00%2B08:00")
                .json().get("total").asInt()).isZero();
        assertThat(officer.get(base + "&receivedFrom=2000-01-01T00:00:00%2B08:00").json().get("total").asInt())
                .isEqualTo(2);
        ApiClient muer = ApiClient.local(port).withToken(TestUsers.officer(TestUsers.MUER));
        assertThat(muer.get(base).json().get("total").asInt()).isZero();
        assertThat(officer.get(base + "&status=LOST").status()).isEqualTo(400);
        var reversed = officer.get(base + "&receivedFrom=2000-02-01T00:00:00%2B08:00&receivedTo=2000-01-01T00:00:00%2B08:00");
        assertThat(reversed.status()).as("a reversed period is a mistake, not an empty page").isEqualTo(400);
        assertThat(reversed.json().get("errors").findValuesAsString("field")).containsExactly("receivedFrom");
    }

    @Test
    void theSweepMarksAnUnclaimedItemDueForDisposalOnceAndLeavesTheDisposalToAnOfficer() {
        ApiClient officer = new LostFixtures(port).officer();
        String id = intakeAt(officer, "柜-" + UUID.randomUUID());
        officer.post("/api/found-items/" + id + "/notice", "{\"publicDescription\":\"拾得黑色手机一部\"}");

        sweep.sweep(Instant.parse("2000-01-01T00:00:00Z"));   // before the notice ran out: nothing
        assertThat(officer.get("/api/found-items/" + id).json().get("disposalDueAt").isNull()).isTrue();
        sweep.sweep(Instant.now().plusSeconds(1));
        sweep.sweep(Instant.now().plusSeconds(2));

        JsonNode item = officer.get("/api/found-items/" + id).json();
        assertThat(item.get("status").asString()).isEqualTo("NOTICED");
        assertThat(item.get("disposalDueAt").isNull()).isFalse();
        assertThat(item.get("timeline").findValuesAsString("action")).containsExactly("intake", "notice", "disposal-due");
        assertThat(item.get("timeline").get(2).get("actor").asString()).isEqualTo("system");
        var disposed = officer.post("/api/found-items/" + id + "/dispose", "{\"method\":\"TREASURY\"}");
        assertThat(disposed.json().get("status").asString()).isEqualTo("DISPOSED");
    }
}
