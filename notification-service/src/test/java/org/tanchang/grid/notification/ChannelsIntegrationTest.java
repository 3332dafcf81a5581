package org.tanchang.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.mediation.FollowUpVisitScheduled;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestClock;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/**
 * Preferences, e-mail to GreenMail (read from the address's own mailbox, i.e. as envelope recipient), quiet hours
 * and reminders on the controllable clock. Each test moves the clock where it needs it and puts it back.
 */
@ServiceIntegrationTest
class ChannelsIntegrationTest {

    static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

    /** For the whole class: mail of one test may arrive during the next; each test reads its own citizen's mailbox. */
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(TestChannels.SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withPerMethodLifecycle(false);

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    MongoTemplate mongo;

    Inboxes inboxes;
    String citizen;

    @BeforeEach
    void setUp() {
        inboxes = new Inboxes(port);
        citizen = "citizen-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ApiClient me() {
        return ApiClient.local(port).withToken(TestUsers.citizen(citizen));
    }

    private void optIn(Map<String, Object> quietHours) {
        var body = new java.util.LinkedHashMap<String, Object>(Map.of("language", "zh-CN", "channels", List.of("EMAIL"),
                "email", citizen + "@example.cn", "mobile", "+86 138-9391-2345"));
        if (quietHours != null) {
            body.put("quietHours", quietHours);
        }
        var put = me().send("PUT", "/api/notifications/preferences", ApiClient.json(body), "Content-Type",
                "application/json");
        assertThat(put.status()).as(put.text()).isEqualTo(200);
    }

    private String completeRequest() {
        String id = "req-" + UUID.randomUUID();
        TestEvents.publish(RequestStateChanged.TYPE, UUID.randomUUID().toString(), id, new RequestStateChanged(id,
                "621223-QZ-20260512-0009", "HJ-01", citizen, "621223101", "IN_PROCESS", "COMPLETED", "clerk-1",
                OffsetDateTime.parse("2026-05-12T10:15:00+08:00"), "证件已制好，可凭回执领取（咨询 13893912345）", List.of()));
        return id;
    }

    private List<MimeMessage> mailsTo(String address) {
        return MAIL.findReceivedMessages(user -> user.getEmail().equals(address), mail -> true).toList();
    }

    @Test
    void aCitizenOptsInAndSeesOnlyTheirOwnPreferencesWithTheMobileMasked() {
        optIn(Map.of("from", "22:00", "to", "07:00"));

        JsonNode mine = me().get("/api/notifications/preferences").json();
        assertThat(mine.get("recipientId").asString()).isEqualTo(citizen);
        assertThat(mine.get("channels").valueStream().map(JsonNode::asString)).containsExactly("INBOX", "EMAIL");
        assertThat(mine.get("mobile").asString()).isEqualTo("138****2345");
        assertThat(mine.get("quietHours").get("from").asString()).isEqualTo("22:00");
        JsonNode someoneElse = ApiClient.local(port).withToken(TestUsers.citizen("citizen-other-" + citizen))
                .get("/api/notifications/preferences").json();
        assertThat(someoneElse.get("channels").valueStream().map(JsonNode::asString)).containsExactly("INBOX");
        assertThat(someoneElse.get("email").isNull()).isTrue();
    }

    @Test
    void badPreferencesAreRefusedAndNothingIsStored() {
        var noAddress = me().send("PUT", "/api/notifications/preferences", ApiClient.json(Map.of("language", "zh-CN",
                "channels", List.of("EMAIL", "SMS"))), "Content-Type", "application/json");
        var badValues = me().send("PUT", "/api/notifications/preferences", ApiClient.json(Map.of("language", "fr",
                "mobile", "12345", "quietHours", Map.of("from", "25:00", "to", "07:00"))), "Content-Type",
                "application/json");

        assertThat(noAddress.status()).isEqualTo(400);
        assertThat(noAddress.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email",
                "mobile");
        assertThat(badValues.status()).isEqualTo(400);
        assertThat(badValues.json().get("errors").findValuesAsString("field")).contains("language", "mobile",
                "quietHours.from");
        assertThat(mongo.exists(Query.query(Criteria.where("_id").is(citizen)), "recipients")).isFalse();
    }

    @Test
    void anEmailReachesTheRecipientsMailboxWithTheRenderedTemplateAndNoUnmaskedMobile() throws Exception {
        optIn(null);
        completeRequest();

        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(citizen + "@example.cn").isEmpty());
        MimeMessage mail = mailsTo(citizen + "@example.cn").get(0);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly(citizen + "@example.cn");
        assertThat(mail.getSubject()).isEqualTo("您的办件已办结");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        String text = mail.getContent().toString();
        assertThat(text).contains("办件621223-QZ-20260512-0009已于2026-05-12 10:15办结", "138****2345")
                .doesNotContain("13893912345");
        assertThat(mail.getHeader("X-Tanchang-Delivery")[0]).endsWith("-" + citizen + "-EMAIL");
    }

    @Test
    void quietHoursDeferTheEmailUntilTheyEndButNotTheInbox() {
        optIn(Map.of("from", "22:00", "to", "07:00"));
        LocalDate today = LocalDate.now(COUNTY);
        clock.setTo(today.atTime(23, 0).atZone(COUNTY).toInstant());
        String id = completeRequest();

        assertThat(inboxes.one(citizen, id).get("kind").asString()).isEqualTo("REQUEST_COMPLETED");
        await().atMost(Duration.ofSeconds(20)).until(() -> "QUIET_HOURS".equals(emailDelivery(id).get("deferredFor")));
        var deferred = emailDelivery(id);
        assertThat(deferred.get("status")).isEqualTo("PENDING");
        assertThat(((java.util.Date) deferred.get("nextAttemptAt")).toInstant())
                .isEqualTo(today.plusDays(1).atTime(7, 0).atZone(COUNTY).toInstant());
        assertThat(mailsTo(citizen + "@example.cn")).isEmpty();

        clock.setTo(today.plusDays(1).atTime(7, 0, 5).atZone(COUNTY).toInstant());
        await().atMost(Duration.ofSeconds(20)).until(() -> !mailsTo(citizen + "@example.cn").isEmpty());
        // the server has the mail before the worker has read its 250 and recorded SENT
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(emailDelivery(id).get("status")).isEqualTo("SENT"));
    }

    private org.bson.Document emailDelivery(String subjectId) {
        return mongo.findOne(Query.query(Criteria.where("subjectId").is(subjectId).and("channel").is("EMAIL")),
                org.bson.Document.class, "deliveries");
    }

    @Test
    void followUpRemindersComeTheDayBeforeAndOnTheDay() {
        String member = "member-" + citizen;
        String visit = "visit-" + UUID.randomUUID();
        LocalDate due = LocalDate.now(COUNTY).plusDays(5);
        clock.setTo(due.minusDays(3).atTime(15, 0).atZone(COUNTY).toInstant());
        TestEvents.publish(FollowUpVisitScheduled.TYPE, UUID.randomUUID().toString(), visit,
                new FollowUpVisitScheduled(visit, "dsp-1", TestUsers.YANGJIA_GRID, due, member, "李德明"));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                mongo.count(Query.query(Criteria.where("subjectId").is(visit)), "deliveries") == 2);

        assertThat(mongo.find(Query.query(Criteria.where("subjectId").is(visit)), org.bson.Document.class,
                "deliveries")).extracting(d -> ((java.util.Date) d.get("nextAttemptAt")).toInstant())
                .containsExactlyInAnyOrder(due.minusDays(1).atTime(9, 0).atZone(COUNTY).toInstant(),
                        due.atTime(8, 0).atZone(COUNTY).toInstant());
        assertThat(inboxes.about(member, visit)).as("nothing before 09:00 the day before").isEmpty();

        clock.setTo(due.minusDays(1).atTime(9, 0, 1).atZone(COUNTY).toInstant());
        JsonNode tomorrow = inboxes.one(member, visit);
        assertThat(tomorrow.get("kind").asString()).isEqualTo("FOLLOW_UP_DUE_TOMORROW");
        assertThat(tomorrow.get("body").asString()).contains("李德明", due.toString(), "明天");

        clock.setTo(due.atTime(8, 0, 1).atZone(COUNTY).toInstant());
        List<JsonNode> both = inboxes.await(member, visit, 2);
        assertThat(both.get(0).get("kind").asString()).isEqualTo("FOLLOW_UP_DUE_TODAY");
    }

    @Test
    void aReminderWhoseDayHasPassedIsSkippedAndOneWhoseHourHasPassedComesAtOnce() {
        String member = "member-" + citizen;
        String visit = "visit-" + UUID.randomUUID();
        LocalDate due = LocalDate.now(COUNTY).plusDays(2);
        clock.setTo(due.atTime(10, 0).atZone(COUNTY).toInstant());
        TestEvents.publish(FollowUpVisitScheduled.TYPE, UUID.randomUUID().toString(), visit,
                new FollowUpVisitScheduled(visit, "dsp-1", TestUsers.YANGJIA_GRID, due, member, "李德明"));

        assertThat(inboxes.one(member, visit).get("kind").asString()).isEqualTo("FOLLOW_UP_DUE_TODAY");
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(visit)), "deliveries")).isEqualTo(1);
    }

    @Test
    void aVisitCreatedAlreadyDueIsAnnouncedAtOnceAsOverdueAndNotAsDueTomorrow() {
        String member = "member-" + citizen;
        String visit = "visit-" + UUID.randomUUID();
        LocalDate due = LocalDate.now(COUNTY).minusDays(2);   // a revisit scheduled from a visit recorded late
        TestEvents.publish(FollowUpVisitScheduled.TYPE, UUID.randomUUID().toString(), visit,
                new FollowUpVisitScheduled(visit, "dsp-1", TestUsers.YANGJIA_GRID, due, member, "李德明"));

        JsonNode overdue = inboxes.one(member, visit);
        assertThat(overdue.get("kind").asString()).isEqualTo("FOLLOW_UP_DUE_TODAY");
        assertThat(overdue.get("title").asString()).isEqualTo("回访已到期");
        assertThat(overdue.get("body").asString()).contains("李德明", "已于" + due + "到期").doesNotContain("今天");
        assertThat(mongo.count(Query.query(Criteria.where("subjectId").is(visit)), "deliveries"))
                .as("no 'due tomorrow' for a day long gone").isEqualTo(1);
    }

    @Test
    void aReminderWhoseDayPassedOnlyWhileTheEventWaitedIsStillSkipped() {
        String member = "member-" + citizen;
        String visit = "visit-" + UUID.randomUUID();
        LocalDate due = LocalDate.now(COUNTY).plusDays(1);   // not yet due when the visit was scheduled ...
        clock.setTo(due.plusDays(2).atTime(10, 0).atZone(COUNTY).toInstant());   // ... read two days after it
        TestEvents.publish(FollowUpVisitScheduled.TYPE, UUID.randomUUID().toString(), visit,
                new FollowUpVisitScheduled(visit, "dsp-1", TestUsers.YANGJIA_GRID, due, member, "李德明"));
        // a visit due today, sent with the same key: on the same partition, so handled after the first
        String control = "visit-" + UUID.randomUUID();
        TestEvents.publish(FollowUpVisitScheduled.TYPE, UUID.randomUUID().toString(), visit,
                new FollowUpVisitScheduled(control, "dsp-1", TestUsers.YANGJIA_GRID, due.plusDays(2), member, "李德明"));

        assertThat(inboxes.one(member, control).get("title").asString()).isEqualTo("今天有回访任务");
        assertThat(inboxes.about(member, visit)).isEmpty();
    }
}
