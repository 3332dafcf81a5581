package org.tanchang.grid.petition.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.JsonNode;

/** The Wuhai station is reminded once per period until it answers, and the clerk sees every reminder. */
@ServiceIntegrationTest
class AssistanceRemindersIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    AssistanceReminders reminders;

    @Autowired
    ApplicationContext context;

    @Value("${tanchang.petition.assistance-reminder-period}")
    Duration period;

    @Test
    void remindsOncePerPeriodUntilTheAgencyReplies() {
        Instant before = Instant.now();
        RequestSeeds.Seed seed = new RequestSeeds(context).waitingForAssistance("citizen-r");
        Instant after = Instant.now();

        reminders.remindAt(before.plus(period).minusSeconds(1));
        assertThat(reminderActions(seed)).as("not yet a period since asking").isZero();

        reminders.remindAt(after.plus(period));
        reminders.remindAt(after.plus(period).plusSeconds(1));
        JsonNode once = view(seed);
        assertThat(reminderActions(seed)).as("once in the first period").isEqualTo(1);
        assertThat(once.get("assistance").get(0).get("reminders").size()).isEqualTo(1);
        JsonNode entry = once.get("timeline").get(once.get("timeline").size() - 1);
        assertThat(entry.get("actor").asString()).isEqualTo(AssistanceReminders.ACTOR);
        assertThat(entry.get("remark").asString()).isEqualTo("催办乌海市公安局新华派出所（第1次）");
        assertThat(once.get("waitingFor").get(0).asString()).isEqualTo("waiting for 乌海市公安局新华派出所");

        reminders.remindAt(after.plus(period.multipliedBy(2)));
        assertThat(reminderActions(seed)).as("again in the second period").isEqualTo(2);

        var reply = new RequestFixtures(port).as(TestUsers.system("wuhai-system", "petition.write"))
                .post("/api/service-requests/" + seed.id() + "/assistance/" + seed.assistanceId() + "/reply",
                        "{\"reply\":\"经核实，原户籍在我所辖区\",\"confirmed\":true}");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        reminders.remindAt(after.plus(period.multipliedBy(10)));
        assertThat(reminderActions(seed)).as("not after the reply").isEqualTo(2);
        assertThat(view(seed).get("assistance").get(0).get("reminders").size()).isEqualTo(2);
    }

    private JsonNode view(RequestSeeds.Seed seed) {
        var response = new RequestFixtures(port).as(RequestFixtures.clerk()).get("/api/service-requests/" + seed.id());
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private long reminderActions(RequestSeeds.Seed seed) {
        long n = 0;
        for (JsonNode entry : view(seed).get("timeline")) {
            n += entry.get("action").asString().equals("remind-assistance") ? 1 : 0;
        }
        return n;
    }
}
