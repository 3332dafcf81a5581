package org.tanchang.grid.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.platform.test.InfrastructureInitializer;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;
import org.tanchang.grid.platform.test.TestEvents;
import org.tanchang.grid.platform.test.TestUsers;

/**
 * Two instances of the service behind one load balancer: the test's own and a second one started here on the same
 * broker and database. A recipient's streams on both receive a new message once each, whichever instance consumed
 * the event; stopping an instance ends its streams at once so clients reconnect elsewhere.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboxStreamInstancesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext first;

    ConfigurableApplicationContext second;
    int secondPort;

    @BeforeAll
    void startSecondInstance() {
        String database = first.getEnvironment().getProperty("spring.mongodb.database");
        second = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new InfrastructureInitializer(),
                        // the same inbox as the first instance: MongoDB is the truth both serve
                        context -> TestPropertyValues.of("spring.mongodb.database=" + database).applyTo(context))
                // arguments, not default properties: those lose to the service's server.port of 8085
                .run("--server.port=0", "--spring.main.banner-mode=off");
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    private static boolean listening(ApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).get("tanchang.notification.stream.signal.partitions").gauge()
                .value() > 0;
    }

    private static void accepted(String incident, String citizen) {
        TestEvents.publish(IncidentStateChanged.TYPE, UUID.randomUUID().toString(), incident,
                new IncidentStateChanged(incident, "621223-20260512-0011", TestUsers.YANGJIA_GRID, TestUsers.LICHUAN,
                        "THEFT", "REPORTED", "ACCEPTED", "officer-1", "王建军", OffsetDateTime.now(), null, null,
                        citizen));
    }

    @Test
    @Order(1)
    void aNewMessageReachesTheRecipientsStreamsOnEveryInstanceOnce() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> listening(first) && listening(second));
        String citizen = "citizen-" + UUID.randomUUID();
        SseStream onFirst = SseStream.open(port, citizen, "?maxSeconds=120");
        SseStream onSecond = SseStream.open(secondPort, citizen, "?maxSeconds=120");

        String incident = "inc-" + UUID.randomUUID();
        accepted(incident, citizen);
        String id = new Inboxes(port).one(citizen, incident).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> onFirst.times(id) > 0 && onSecond.times(id) > 0);
        // a later message goes through the whole pipeline (event, rules, delivery worker): by the time it is on both
        // streams, the first one's signal has long come back to the instance that sent it
        String later = "inc-" + UUID.randomUUID();
        accepted(later, citizen);
        String laterId = new Inboxes(port).one(citizen, later).get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> onFirst.times(laterId) > 0 && onSecond.times(laterId) > 0);

        assertThat(onFirst.times(id)).as("first instance's stream").isEqualTo(1);
        assertThat(onSecond.times(id)).as("second instance's stream").isEqualTo(1);
        assertThat(onSecond.lines()).as("the same view on both").filteredOn(l -> l.contains(incident))
                .containsExactlyElementsOf(onFirst.lines().stream().filter(l -> l.contains(incident)).toList());
    }

    @Test
    @Order(2)
    void stoppingAnInstanceEndsItsStreamsProperlySoClientsReconnect() throws Exception {
        SseStream stream = SseStream.open(secondPort, "citizen-" + UUID.randomUUID(), "?maxSeconds=600");
        assertThat(stream.response().statusCode()).isEqualTo(200);

        second.close();

        // without the lifecycle the server waits out its graceful-shutdown timeout, then cuts the connection
        assertThat(stream.end().get()).as("ended by the server, not cut").isTrue();
    }
}
