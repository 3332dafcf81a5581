package org.tanchang.grid.cases.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed's two referrals to outside agencies, through the API as the officer, the window and the agencies' own
 * system clients see them: the herb market's joint enforcement with 理川's market supervision office (by signed
 * webhook; the office acknowledges and answers with its token), and the hukou confirmation by 乌海's station (handed
 * over by the window, reminded and overdue by the deadline sweep, answered by the station through the API).
 */
@ServiceIntegrationTest
class ReferralIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String GRID = TestUsers.YANGJIA_GRID;
    private static final String MARKET = "agency-lichuan-market";
    private static final String WUHAI = "agency-wuhai-police";

    @LocalServerPort
    int port;

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    ReferralProcedure procedure;

    private ApiClient as(String token) {
        return ApiClient.local(port).withToken(token);
    }

    private static String agency(String clientId) {
        return TestUsers.system(clientId, "referrals.read", "referrals.write");
    }

    private static String refer(String matterType, String matterId, String agencyCode, String question,
            String extra) {
        return "{\"matterType\":\"" + matterType + "\",\"matterId\":\"" + matterId + "\",\"gridCode\":\"" + GRID
                + "\",\"agencyCode\":\"" + agencyCode + "\",\"question\":\"" + question + "\"" + extra + "}";
    }

    /** 以次充好、摻雜摻假 in the herb market (seed line 18): referred to market supervision for joint enforcement. */
    @Test
    void theHerbMarketsAdulteratedAngelicaIsReferredToMarketSupervisionWhichAnswersWithItsJointEnforcement() {
        ApiClient officer = as(TestUsers.token("officer-lichuan-" + UUID.randomUUID(), "OFFICER", TestUsers.LICHUAN));
        ApiClient market = as(agency(MARKET));
        ApiClient wuhai = as(agency(WUHAI));
        var incident = officer.post("/api/incidents", "{\"source\":\"CALL_110\",\"gridCode\":\"" + GRID + "\","
                + "\"description\":\"理川药材市场有商户以次充好、在当归中掺杂掺假，药农举报\","
                + "\"reporter\":{\"name\":\"王芳\",\"phone\":\"13800138000\"}}");
        assertThat(incident.status()).as(incident.text()).isEqualTo(201);
        String incidentId = incident.json().get("id").asString();

        var referred = officer.post("/api/referrals", refer("INCIDENT", incidentId, "lichuan-market",
                "理川药材市场有商户以次充好、掺杂掺假，请派员联合执法检查并告知处理结果",
                ",\"attachmentIds\":[\"file-herb-photo-1\"],\"replyWorkDays\":20"));
        assertThat(referred.status()).as(referred.text()).isEqualTo(201);
        String id = referred.json().get("id").asString();
        String referral = "/api/referrals/" + id;

        var closeTooEarly = officer.post(referral + "/close", "{}");
        var agencyOwnList = market.get("/api/referrals?matterId=" + incidentId).json();
        var otherAgencyRead = wuhai.get(referral);
        var otherAgencyList = wuhai.get("/api/referrals?matterId=" + incidentId).json();
        var agencyReadsIncident = market.get("/api/incidents/" + incidentId);
        var agencyRefers = market.post("/api/referrals", refer("INCIDENT", incidentId, "lichuan-market", "自己转自己",
                ""));
        var otherAgencyAcknowledges = wuhai.post(referral + "/receive", "{}");
        var received = market.post(referral + "/receive", "{\"remark\":\"理川所已收到，安排周三联合检查\"}");
        var answered = market.post(referral + "/answer", "{\"answer\":\"已联合执法检查，查扣掺杂掺假当归120公斤，"
                + "对经营者立案处罚\",\"reference\":\"宕市监理字〔2026〕18号\"}");
        var agencyCloses = market.post(referral + "/close", "{}");
        JsonNode closed = officer.post(referral + "/close", "{\"remark\":\"联合执法结果已入卷\"}").json();

        assertThat(referred.header("Location")).isEqualTo(referral);
        assertThat(referred.json().get("state").asString()).isEqualTo("SENT");
        assertThat(referred.json().get("delivery").asString()).isEqualTo("WEBHOOK");
        assertThat(closeTooEarly.status()).isEqualTo(409);
        assertThat(agencyOwnList.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(otherAgencyRead.status()).isEqualTo(404);
        assertThat(otherAgencyList.get("total").asLong()).isZero();
        assertThat(agencyReadsIncident.status()).isEqualTo(403);
        assertThat(agencyRefers.status()).isEqualTo(403);
        assertThat(otherAgencyAcknowledges.status()).isEqualTo(404);
        assertThat(received.status()).as(received.text()).isEqualTo(200);
        assertThat(received.json().get("receipt").get("by").asString()).isEqualTo(MARKET);
        assertThat(received.json().get("receipt").get("byAgency").asBoolean()).isTrue();
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        assertThat(answered.json().get("answer").get("text").asString()).contains("查扣掺杂掺假当归120公斤");
        assertThat(agencyCloses.status()).isEqualTo(403);
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.get("timeline").findValuesAsString("action"))
                .containsExactly("refer", "receive", "answer", "close");
        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertThat(events).extracting(TestEvents::eventName).containsExactly("ReferralSent", "ReferralReceived",
                "ReferralAnswered", "ReferralClosed");
        JsonNode sent = data(events.get(0));
        assertThat(sent.get("agencyClientId").asString()).isEqualTo(MARKET);
        assertThat(sent.get("delivery").asString()).isEqualTo("WEBHOOK");
        assertThat(sent.get("question").asString()).contains("以次充好、掺杂掺假");
        assertThat(sent.get("attachmentIds").get(0).asString()).isEqualTo("file-herb-photo-1");
        assertThat(data(events.get(2)).get("referredBy").asString()).isEqualTo(closed.get("referredBy").asString());
    }

    /**
     * 楊某's missing hukou (seed line 29): the window refers the request to 乌海's station by hand, the sweep reminds
     * at 70 % of the ten work days and flags it overdue when they have passed, once each, and the station answers
     * through the API.
     */
    @Test
    void theWuhaiStationConfirmsTheHukouThroughTheApiAfterTheReminderAndTheOverdueFlag() {
        ApiClient clerk = as(TestUsers.token("clerk-muer-" + UUID.randomUUID(), "WINDOW_CLERK", TestUsers.LICHUAN));
        ApiClient station = as(agency(WUHAI));
        String requestId = "req-" + UUID.randomUUID();

        var referred = clerk.post("/api/referrals", refer("REQUEST", requestId, "wuhai-police",
                "杨某在乌海市务工二十余年，回乡后发现户口遗漏，请协助核实其在贵所辖区的户籍情况", ""));
        assertThat(referred.status()).as(referred.text()).isEqualTo(201);
        String id = referred.json().get("id").asString();
        String referral = "/api/referrals/" + id;
        var handedOver = clerk.post(referral + "/receive", "{\"remark\":\"已电话联系乌海市某派出所并传真协查函\"}");
        Instant created = OffsetDateTime.parse(referred.json().get("createdAt").asString()).toInstant();
        Instant due = OffsetDateTime.parse(referred.json().get("dueAt").asString()).toInstant();
        Instant yellow = created.plus(Duration.between(created, due).multipliedBy(7).dividedBy(10));

        sweep.sweep(procedure.replyDeadline(), yellow.minusSeconds(60));
        JsonNode green = clerk.get(referral).json();
        sweep.sweep(procedure.replyDeadline(), yellow.plusSeconds(1));
        sweep.sweep(procedure.replyDeadline(), yellow.plusSeconds(2));
        JsonNode reminded = clerk.get(referral).json();
        sweep.sweep(procedure.replyDeadline(), due.plusSeconds(1));
        sweep.sweep(procedure.replyDeadline(), due.plusSeconds(2));
        JsonNode overdue = station.get(referral).json();
        JsonNode stationsList = station.get("/api/referrals?state=RECEIVED&matterId=" + requestId).json();
        var answered = station.post(referral + "/answer", "{\"answer\":\"经核实，杨某户籍迁出记录在案，未迁入乌海，"
                + "可在原籍恢复户口\",\"reference\":\"乌公协〔2026〕29号\"}");
        var answeredAgain = station.post(referral + "/answer", "{\"answer\":\"重复答复\"}");
        var withdrawnAfterAnswer = clerk.post(referral + "/withdraw", "{\"reason\":\"已答复\"}");
        sweep.sweep(procedure.replyDeadline(), due.plusSeconds(86_400));
        JsonNode closed = clerk.post(referral + "/close", "{\"remark\":\"已为杨某补办户籍\"}").json();

        assertThat(referred.json().get("delivery").asString()).isEqualTo("PERSON");
        assertThat(handedOver.status()).as(handedOver.text()).isEqualTo(200);
        assertThat(handedOver.json().get("receipt").get("byAgency").asBoolean()).isFalse();
        assertThat(green.get("flag").isNull()).isTrue();
        assertThat(reminded.get("flag").asString()).isEqualTo("YELLOW");
        assertThat(overdue.get("flag").asString()).isEqualTo("RED");
        assertThat(stationsList.get("items").findValuesAsString("id")).containsExactly(id);
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        assertThat(answered.json().get("answer").get("by").asString()).isEqualTo(WUHAI);
        assertThat(answeredAgain.status()).isEqualTo(409);
        assertThat(withdrawnAfterAnswer.status()).isEqualTo(409);
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        List<ConsumerRecord<String, String>> events = eventsOf(id, 6);
        assertThat(events).extracting(TestEvents::eventName).containsExactly("ReferralSent", "ReferralReceived",
                "ReferralDeadlineApproaching", "ReferralOverdue", "ReferralAnswered", "ReferralClosed");
        assertThat(data(events.get(3)).get("referredBy").asString()).startsWith("clerk-muer-");
        assertThat(data(events.get(4)).get("late").asBoolean()).isTrue();
    }

    /** Bad input is a 400 problem naming the field, outside the area a 403, and neither stores anything. */
    @Test
    void badInputAndAnotherAreaAreRefusedAndStoreNothing() {
        ApiClient officer = as(TestUsers.officer(TestUsers.LICHUAN));
        ApiClient otherTownship = as(TestUsers.officer(TestUsers.MUER));
        String matterId = "inc-" + UUID.randomUUID();

        var unknownAgency = officer.post("/api/referrals", refer("INCIDENT", matterId, "no-such-agency", "请核实", ""));
        var noQuestion = officer.post("/api/referrals", refer("INCIDENT", matterId, "lichuan-market", "", ""));
        var badType = officer.post("/api/referrals", refer("CRIME", matterId, "lichuan-market", "请核实", ""));
        var tooLong = officer.post("/api/referrals", refer("INCIDENT", matterId, "lichuan-market", "请核实",
                ",\"replyWorkDays\":61"));
        var outsideArea = otherTownship.post("/api/referrals", refer("INCIDENT", matterId, "lichuan-market", "请核实",
                ""));
        JsonNode stored = as(TestUsers.supervisor(TestUsers.COUNTY)).get("/api/referrals?matterId=" + matterId)
                .json();

        assertThat(unknownAgency.status()).isEqualTo(400);
        assertThat(unknownAgency.json().get("errors").findValuesAsString("field")).containsExactly("agencyCode");
        assertThat(noQuestion.status()).isEqualTo(400);
        assertThat(noQuestion.json().get("errors").findValuesAsString("field")).containsExactly("question");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(outsideArea.status()).isEqualTo(403);
        assertThat(stored.get("total").asLong()).isZero();
    }

    /** The referral's own events, in order, once the relay has published {@code count} of them. */
    private static List<ConsumerRecord<String, String>> eventsOf(String id, int count) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents.readAll(Topics.REFERRALS,
                Duration.ofMillis(400)).stream().filter(r -> id.equals(r.key())).toList(), e -> e.size() >= count);
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        return JSON.readTree(record.value());
    }
}
