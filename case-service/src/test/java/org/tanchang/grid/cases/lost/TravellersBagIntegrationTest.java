package org.tanchang.grid.cases.lost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.personaldata.ChineseIdNumber;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * The seed's traveller: her bag with her ID card and bank cards lost at the highway service area, handed in by a
 * driver, matched first among look-alikes (never one holding another person's ID card), refused to a claimant
 * without proof, handed over to her with a signed record.
 */
@ServiceIntegrationTest
class TravellersBagIntegrationTest {

    @LocalServerPort
    int port;

    private static String randomIdNumber() {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15_000));
        String first17 = "620521" + birth.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    private String intake(ApiClient officer, String category, String description, String foundAt, double lon,
            String idNumber) {
        var created = officer.post("/api/found-items",
                LostFixtures.foundBody(category, description, foundAt, lon, idNumber));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().get("receiptNumber").asString()).startsWith("621223-SW-");
        return created.json().get("id").asString();
    }

    @Test
    void theBagIsMatchedFirstNeverOnAnotherIdNumberRefusedWithoutProofAndHandedOver() {
        String herId = randomIdNumber();
        String strangerId = randomIdNumber();
        String traveller = "citizen-traveller-" + UUID.randomUUID();
        ApiClient she = ApiClient.local(port).withToken(TestUsers.citizen(traveller));
        ApiClient officer = new LostFixtures(port).officer();
        var reported = she.post("/api/lost-reports", LostFixtures.lostBody(traveller, herId,
                "高速服务区丢失黑色双肩背包，内有身份证、两张银行卡和充电宝"));
        assertThat(reported.status()).as(reported.text()).isEqualTo(201);
        String lostId = reported.json().get("id").asString();
        assertThat(reported.text()).doesNotContain(herId, "6222020200112233445");

        String lookAlikeWithOtherId = intake(officer, "BAG", "黑色双肩背包，内有身份证、两张银行卡和充电宝",
                "2026-11-28T16:00:00+08:00", 104.55, strangerId);
        String farAway = intake(officer, "BAG", "黑色背包", "2026-12-01T09:00:00+08:00", 106.0, null);
        String wallet = intake(officer, "WALLET", "棕色钱包，内有银行卡", "2026-11-28T16:20:00+08:00", 104.56, null);
        String hers = intake(officer, "BAG", "黑色双肩包一个，里面有身份证和银行卡", "2026-11-28T16:10:00+08:00",
                104.56, herId);

        JsonNode page = officer.get("/api/lost-reports/" + lostId + "/matches").json();
        assertThat(page.get("total").asLong()).as("one list shape").isEqualTo(page.get("items").size());
        JsonNode candidates = page.get("items");
        List<String> ranked = candidates.findValuesAsString("foundItemId");
        assertThat(ranked.get(0)).isEqualTo(hers);
        assertThat(candidates.get(0).get("reasons").toString()).contains("ID_CARD number matches");
        assertThat(ranked).doesNotContain(lookAlikeWithOtherId);
        assertThat(ranked.indexOf(hers)).isLessThan(ranked.contains(wallet) ? ranked.indexOf(wallet) : 99);
        assertThat(ranked.indexOf(hers)).isLessThan(ranked.contains(farAway) ? ranked.indexOf(farAway) : 99);

        var wrongMatch = officer.post("/api/found-items/" + lookAlikeWithOtherId + "/match",
                "{\"lostReportId\":\"" + lostId + "\"}");
        assertThat(wrongMatch.status()).isEqualTo(422);
        assertThat(officer.post("/api/found-items/" + hers + "/match", "{\"lostReportId\":\"" + lostId + "\"}")
                .status()).isEqualTo(200);

        var withoutProof = officer.post("/api/found-items/" + hers + "/claim",
                LostFixtures.claimBody(lostId, strangerId));
        assertThat(withoutProof.status()).isEqualTo(422);
        assertThat(withoutProof.header("Content-Type")).startsWith("application/problem+json");
        assertThat(officer.get("/api/found-items/" + hers).json().get("status").asString()).isEqualTo("MATCHED");

        JsonNode handedOver = officer.post("/api/found-items/" + hers + "/claim", LostFixtures.claimBody(lostId, herId))
                .json();
        assertThat(handedOver.get("status").asString()).isEqualTo("RETURNED");
        assertThat(handedOver.get("handover").get("proof").asString()).isEqualTo("ID_NUMBER");
        assertThat(handedOver.get("handover").get("signatureSha256").asString()).isEqualTo("5e".repeat(32));
        assertThat(handedOver.toString()).doesNotContain(herId);
        assertThat(she.get("/api/lost-reports/" + lostId).json().get("status").asString()).isEqualTo("RETURNED");
        assertThat(ApiClient.local(port).withToken(TestUsers.citizen("someone-else")).get("/api/lost-reports/" + lostId)
                .status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var events = TestEvents.readAll(Topics.LOST_ITEMS, Duration.ofSeconds(1)).stream()
                    .filter(r -> lostId.equals(TestEvents.header(r, "ce_subject"))).toList();
            assertThat(events).extracting(r -> TestEvents.eventName(r))
                    .containsExactly("LostItemMatched", "LostItemReturned");
            assertThat(events.get(0).value()).contains(traveller).doesNotContain(herId);
        });
    }

    @Test
    void aNoticeIsPublicWithoutPersonalDataAndAnItemIsDisposedOfOnlyAfterItsPeriod() {
        ApiClient officer = new LostFixtures(port).officer();
        String id = intake(officer, "PHONE", "黑色手机", "2026-11-20T10:00:00+08:00", 104.5, null);

        var tooEarly = officer.post("/api/found-items/" + id + "/dispose", "{\"method\":\"TREASURY\"}");
        officer.post("/api/found-items/" + id + "/notice", "{\"publicDescription\":\"11月20日拾得黑色手机一部\"}");
        var notices = ApiClient.local(port).get("/api/public/lost-property-notices?size=100");
        var disposed = officer.post("/api/found-items/" + id + "/dispose", "{\"method\":\"TREASURY\",\"remark\":\"期满\"}");

        assertThat(tooEarly.status()).as("not noticed yet").isEqualTo(409);
        assertThat(notices.status()).isEqualTo(200);
        assertThat(notices.json().get("size").asInt()).as("one list shape").isEqualTo(100);
        assertThat(notices.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(notices.text()).contains("11月20日拾得黑色手机一部").doesNotContain("赵师傅", "赵**");
        assertThat(disposed.status()).as("the test profile's notice period is 0").isEqualTo(200);
        assertThat(disposed.json().get("disposal").get("method").asString()).isEqualTo("TREASURY");
    }
}
