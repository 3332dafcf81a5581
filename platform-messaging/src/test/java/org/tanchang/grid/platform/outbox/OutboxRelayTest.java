package org.tanchang.grid.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.events.EventTraces;
import org.tanchang.grid.platform.test.TestTracing;
import org.tanchang.grid.platform.test.TestInfrastructure;

/** The relay against the real Mongo wire server, with a broker that can be switched off. */
class OutboxRelayTest {

    record Note(String text) {
    }

    static final EventType<Note> NOTED = new EventType<>("Noted", "test.notes.v1", 1, Note.class);

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.mongoUri()),
            "outbox-relay-test-" + System.nanoTime());
    private final TestTracing tracing = new TestTracing();
    private final Outbox outbox = new Outbox("test-service", new EventJson(), Clock.systemUTC(),
            new EventTraces(tracing.tracer(), tracing.w3c()));
    private final List<OutboxEvent> acked = new ArrayList<>();
    private final AtomicBoolean brokerUp = new AtomicBoolean(true);
    private OutboxRelay relay;

    @BeforeEach
    void setUp() {
        OutboxPublisher broker = event -> {
            if (!brokerUp.get()) {
                throw new IllegalStateException("broker unreachable");
            }
            acked.add(event);
        };
        relay = new OutboxRelay(new OutboxStore(mongo), broker, () -> List.of("notes"),
                new OutboxProperties(Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMillis(200), 10, null),
                new SimpleMeterRegistry());
    }

    private void saveAggregate(String id, String... texts) {
        List<Document> events = new ArrayList<>();
        for (String text : texts) {
            OutboxEvent e = outbox.event(NOTED, id, new Note(text));
            events.add(new Document("eventId", e.eventId()).append("topic", e.topic()).append("source", e.source())
                    .append("type", e.type()).append("subject", e.subject())
                    .append("time", java.util.Date.from(e.time())).append("dataSchema", e.dataSchema())
                    .append("traceparent", e.traceparent()).append("payload", e.payload()));
        }
        mongo.insert(new Document("_id", id).append("state", "x").append(Outbox.FIELD, events), "notes");
    }

    private List<?> pendingOf(String id) {
        return mongo.findById(id, Document.class, "notes").getList(Outbox.FIELD, Object.class);
    }

    @Test
    void publishesInOrderAndRemovesOnlyWhatTheBrokerAcked() throws Exception {
        saveAggregate("a-1", "first", "second", "third");

        assertThat(relay.relayOnce()).isEqualTo(3);

        assertThat(acked).extracting(OutboxEvent::payload)
                .containsExactly("{\"text\":\"first\"}", "{\"text\":\"second\"}", "{\"text\":\"third\"}");
        assertThat(pendingOf("a-1")).isEmpty();
        assertThat(relay.relayOnce()).as("nothing is sent twice after the ack").isZero();
        assertThat(acked).hasSize(3);
    }

    @Test
    void manyDocumentsAreInFlightTogetherAndEachDocumentsEventsStayInOrder() throws Exception {
        for (int i = 0; i < 8; i++) {
            saveAggregate("m-" + i, "opened", "assigned", "closed");
        }
        // a broker that acknowledges late and out of order: each ack after a random pause on another thread
        List<OutboxEvent> order = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicInteger mostInFlight = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.ScheduledExecutorService acks = java.util.concurrent.Executors.newScheduledThreadPool(4);
        OutboxPublisher slowBroker = new OutboxPublisher() {
            @Override
            public void publish(OutboxEvent event) {
                throw new UnsupportedOperationException("the relay sends without waiting");
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> send(OutboxEvent event) {
                inFlight.add(event.eventId());
                mostInFlight.accumulateAndGet(inFlight.size(), Math::max);
                java.util.concurrent.CompletableFuture<Void> ack = new java.util.concurrent.CompletableFuture<>();
                acks.schedule(() -> {
                    order.add(event);
                    inFlight.remove(event.eventId());
                    ack.complete(null);
                }, new java.util.Random().nextInt(20), java.util.concurrent.TimeUnit.MILLISECONDS);
                return ack;
            }
        };
        OutboxRelay batching = new OutboxRelay(new OutboxStore(mongo), slowBroker, () -> List.of("notes"),
                new OutboxProperties(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofMillis(200), 100, null),
                new SimpleMeterRegistry());

        assertThat(batching.relayOnce()).isEqualTo(24);
        acks.shutdown();

        assertThat(mostInFlight.get()).as("documents are not sent one by one").isGreaterThan(1);
        for (int i = 0; i < 8; i++) {
            String id = "m-" + i;
            assertThat(order.stream().filter(e -> e.subject().equals(id)).map(OutboxEvent::payload))
                    .containsExactly("{\"text\":\"opened\"}", "{\"text\":\"assigned\"}", "{\"text\":\"closed\"}");
            assertThat(pendingOf(id)).isEmpty();
        }
        assertThat(batching.relayOnce()).as("nothing twice").isZero();
    }

    @Test
    void anEventWrittenBackByAStaleSaveIsNotPublishedAgain() throws Exception {
        saveAggregate("a-stale", "once");
        Document staleCopy = mongo.findById("a-stale", Document.class, "notes");

        relay.relayOnce();
        mongo.save(staleCopy.append("state", "changed later"), "notes");   // puts the sent event back

        assertThat(relay.relayOnce()).isZero();
        assertThat(acked).hasSize(1);
        assertThat(pendingOf("a-stale")).as("dropped, not left pending").isEmpty();
    }

    @Test
    void whileTheBrokerIsDownNothingIsLostAndAfterwardsEverythingIsSentOnce() throws Exception {
        saveAggregate("a-2", "one", "two");
        saveAggregate("a-3", "three");
        brokerUp.set(false);

        assertThatThrownBy(relay::relayOnce).hasMessageContaining("unreachable");
        assertThatThrownBy(relay::relayOnce).hasMessageContaining("unreachable");
        assertThat(pendingOf("a-2")).hasSize(2);
        assertThat(pendingOf("a-3")).hasSize(1);

        brokerUp.set(true);
        assertThat(relay.relayOnce()).isEqualTo(3);
        relay.relayOnce();

        assertThat(acked).extracting(OutboxEvent::subject).containsExactlyInAnyOrder("a-2", "a-2", "a-3");
        assertThat(acked).extracting(OutboxEvent::eventId).doesNotHaveDuplicates();
        assertThat(pendingOf("a-2")).isEmpty();
    }

    @Test
    void theOldestPendingEventsAgeIsPublishedWhileTheBrokerIsAwayAndClearedAfterwards() throws Exception {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        // the relay's clock runs 90 s ahead of the writer's: the event it finds has waited a minute and a half
        OutboxRelay late = new OutboxRelay(new OutboxStore(mongo), event -> {
            if (!brokerUp.get()) {
                throw new IllegalStateException("broker unreachable");
            }
            acked.add(event);
        }, () -> List.of("notes"), new OutboxProperties(null, null, null, 10, null), meters,
                Clock.offset(Clock.systemUTC(), Duration.ofSeconds(90)));
        var age = meters.get("tanchang.outbox.oldest.age").gauge();
        assertThat(age.value()).as("nothing pending").isZero();
        assertThat(age.getId().getDescription()).isNotBlank();

        brokerUp.set(false);
        saveAggregate("a-old", "waiting");
        assertThatThrownBy(late::relayOnce).hasMessageContaining("unreachable");
        assertThat(age.value()).isBetween(89.0, 100.0);
        assertThat(meters.get("tanchang.outbox.pending").gauge().value()).isEqualTo(1.0);

        brokerUp.set(true);
        late.relayOnce();
        assertThat(age.value()).as("published: nothing waits").isZero();
    }

    @Test
    void aFailureMidAggregateKeepsTheLaterEventsBehindTheFailedOne() throws Exception {
        saveAggregate("a-4", "open", "close");
        AtomicBoolean failOnce = new AtomicBoolean(true);
        OutboxRelay flaky = new OutboxRelay(new OutboxStore(mongo), event -> {
            if (event.payload().contains("close") && failOnce.getAndSet(false)) {
                throw new IllegalStateException("ack timed out");
            }
            acked.add(event);
        }, () -> List.of("notes"), new OutboxProperties(null, null, null, 10, null), new SimpleMeterRegistry());

        assertThatThrownBy(flaky::relayOnce).hasMessageContaining("ack timed out");
        assertThat(pendingOf("a-4")).hasSize(1);

        flaky.relayOnce();
        assertThat(acked).extracting(OutboxEvent::payload).containsExactly("{\"text\":\"open\"}", "{\"text\":\"close\"}");
    }

    @Test
    void eventsAddedWhileRelayingAreKept() throws Exception {
        saveAggregate("a-5", "before");
        OutboxRelay racing = new OutboxRelay(new OutboxStore(mongo), event -> {
            acked.add(event);
            // a concurrent state change appends another event between the send and the removal
            mongo.updateFirst(Query.query(Criteria.where("_id").is("a-5")), new Update().push(Outbox.FIELD,
                    new Document("eventId", "late").append("topic", "t").append("payload", "{}")), "notes");
        }, () -> List.of("notes"), new OutboxProperties(null, null, null, 10, null), new SimpleMeterRegistry());

        racing.relayOnce();

        assertThat(pendingOf("a-5")).hasSize(1);
        assertThat(((Document) pendingOf("a-5").get(0)).getString("eventId")).isEqualTo("late");
    }

    @Test
    void theBackgroundLoopDeliversAfterTheBrokerComesBack() throws Exception {
        brokerUp.set(false);
        saveAggregate("a-6", "eventually");
        relay.start();
        try {
            Thread.sleep(300);
            assertThat(acked).isEmpty();
            brokerUp.set(true);
            relay.wakeUp();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> acked.size() == 1);
            assertThat(pendingOf("a-6")).isEmpty();
        } finally {
            relay.stop();
        }
    }
}
