package org.tanchang.grid.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.TestTracing;

/** An event stays in the trace that wrote it, however much later the relay publishes it. */
class EventTracesTest {

    private static final String W3C = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    private final TestTracing tracing = new TestTracing();
    private final Tracer tracer = tracing.tracer();
    private final EventTraces traces = new EventTraces(tracer, tracing.w3c());

    @Test
    void anEventWrittenInASpanCarriesThatSpansContext() {
        Span request = tracer.nextSpan().name("http post /api/patrol-reports").start();
        String traceparent;
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            traceparent = traces.traceparentForNewEvent("event PatrolReportSubmitted");
        } finally {
            request.end();
        }

        assertThat(traceparent).isEqualTo("00-" + request.context().traceId() + "-" + request.context().spanId() + "-01");
        assertThat(tracing.finished()).extracting(SpanData::getName).containsExactly("http post /api/patrol-reports");
    }

    @Test
    void anEventWrittenOutsideAnySpanBeginsATraceOfItsOwnWithARootToShow() {
        String first = traces.traceparentForNewEvent("event CheckpointMissed");
        String second = traces.traceparentForNewEvent("event CheckpointMissed");

        assertThat(first).matches(W3C);
        assertThat(traceId(first)).isNotEqualTo(traceId(second));
        assertThat(tracing.finished()).hasSize(2).allSatisfy(root -> {
            assertThat(root.getName()).isEqualTo("event CheckpointMissed");
            assertThat(root.getParentSpanContext().isValid()).isFalse();
        });
        assertThat(tracing.finished().get(0).getSpanId()).isEqualTo(first.substring(36, 52));
    }

    @Test
    void theRelaysSpanIsAChildOfTheSpanThatWroteTheEventAndWhatItSendsIsInsideIt() {
        String stored = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String[] inside = new String[1];

        traces.inSpanContinuing(stored, "outbox relay", Map.of("event.type", "DisputeOpened"),
                () -> inside[0] = tracer.currentSpan().context().spanId());

        SpanData relay = tracing.finished().get(0);
        assertThat(relay.getName()).isEqualTo("outbox relay");
        assertThat(relay.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(relay.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(relay.getSpanId()).isEqualTo(inside[0]);
        assertThat(relay.getAttributes().asMap().toString()).contains("event.type=DisputeOpened");
        assertThat(tracer.currentSpan()).as("the scope is closed after the send").isNull();
    }

    @Test
    void aMissingOrUnreadableStoredContextBeginsANewTraceAndAFailedSendIsRecorded() {
        traces.inSpanContinuing(null, "outbox relay", Map.of(), () -> { });
        traces.inSpanContinuing("00-00000000000000000000000000000000-00f067aa0ba902b7-01", "outbox relay", Map.of(),
                () -> { });
        assertThatThrownBy(() -> traces.inSpanContinuing("garbage", "outbox relay", Map.of(), () -> {
            throw new java.io.IOException("broker away");
        })).isInstanceOf(java.io.IOException.class);

        assertThat(tracing.finished()).hasSize(3).allSatisfy(span -> {
            assertThat(span.getParentSpanContext().isValid()).isFalse();
            assertThat(span.getTraceId()).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        });
        assertThat(tracing.finished().get(2).getStatus().getStatusCode().name()).isEqualTo("ERROR");
    }

    private static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
