package org.tanchang.grid.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaOperations;
import org.tanchang.grid.notification.delivery.Channel;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.databind.json.JsonMapper;

/** Signals between instances: a message reaches each stream once, whichever instance recorded it. */
class LiveSignalsTest {

    static final NotificationView VIEW = new NotificationView("ev-1-citizen-1-INBOX", "citizen-1", "张三",
            Channel.INBOX, "CASE_ACCEPTED", "您反映的案件已受理", "您反映的案件（621223-20260512-0011）已受理。",
            SubjectType.INCIDENT, "inc-1", "621223101001001", "ev-1", "IncidentStateChanged",
            Times.local(Instant.parse("2026-05-12T00:31:05Z")), null);

    /** Records what would go out on the streams instead of writing to any. */
    static final class PushedStream extends InboxStream {
        final List<Map.Entry<String, NotificationView>> pushed = new CopyOnWriteArrayList<>();

        PushedStream() {
            super(Duration.ofMinutes(30), new SimpleMeterRegistry());
        }

        @Override
        void push(String recipientId, NotificationView view) {
            pushed.add(Map.entry(recipientId, view));
        }
    }

    @SuppressWarnings("unchecked")
    private static KafkaOperations<String, String> topic(List<String> sent) {
        KafkaOperations<String, String> kafka = mock(KafkaOperations.class);
        when(kafka.send(anyString(), anyString(), anyString())).thenAnswer(call -> {
            sent.add(call.getArgument(2));
            return CompletableFuture.completedFuture(null);
        });
        return kafka;
    }

    private static LiveSignals instance(String origin, PushedStream stream, List<String> sent, SimpleMeterRegistry m) {
        return new LiveSignals(stream, new LiveSignalSender(topic(sent)), JsonMapper.builder().build(),
                "notification.inbox-live.v1",
                origin, m);
    }

    @Test
    void aMessageRecordedHereIsPushedOnceHereAndOnceOnAnotherInstance() {
        List<String> topic = new CopyOnWriteArrayList<>();
        PushedStream here = new PushedStream();
        PushedStream there = new PushedStream();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LiveSignals a = instance("notification-service-a", here, topic, meters);
        LiveSignals b = instance("notification-service-b", there, topic, new SimpleMeterRegistry());

        a.deliver("citizen-1", VIEW);
        assertThat(topic).hasSize(1);
        // every instance reads the topic, the sender included
        a.receive(topic.get(0));
        b.receive(topic.get(0));

        assertThat(here.pushed).as("own signal not pushed again").containsExactly(Map.entry("citizen-1", VIEW));
        assertThat(there.pushed).as("the very view the stream shows, +08:00 kept")
                .containsExactly(Map.entry("citizen-1", VIEW));
        assertThat(meters.counter("tanchang.notification.stream.signals", "outcome", "sent").count()).isEqualTo(1);
        assertThat(meters.counter("tanchang.notification.stream.signals", "outcome", "own").count()).isEqualTo(1);
    }

    @Test
    void aBrokerThatIsDownDoesNotFailTheDeliveryAndIsCounted() {
        PushedStream here = new PushedStream();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        @SuppressWarnings("unchecked")
        KafkaOperations<String, String> down = mock(KafkaOperations.class);
        when(down.send(anyString(), anyString(), anyString()))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("no broker")));
        LiveSignals a = new LiveSignals(here, new LiveSignalSender(down), JsonMapper.builder().build(), "t", "a",
                meters);

        a.deliver("citizen-1", VIEW);

        assertThat(here.pushed).containsExactly(Map.entry("citizen-1", VIEW));
        assertThat(meters.counter("tanchang.notification.stream.signals", "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void anUnreadableSignalIsSkipped() {
        PushedStream here = new PushedStream();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LiveSignals a = instance("a", here, new CopyOnWriteArrayList<>(), meters);

        a.receive("{not json");

        assertThat(here.pushed).isEmpty();
        assertThat(meters.counter("tanchang.notification.stream.signals", "outcome", "unreadable").count())
                .isEqualTo(1);
    }
}
