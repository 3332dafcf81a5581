package org.tanchang.grid.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.platform.test.TestTracing;

/** The chatter around the work is not sent to the trace backend; the work is, whatever its kind. */
class SpansOfWorkTest {

    private final TestTracing tracing = new TestTracing();
    private final Tracer tracer = tracing.tracer();

    private boolean sent(Span span) {
        span.end();
        var finished = tracing.finished();
        return SpansOfWork.exportable(OtelFinishedSpan.fromOtel(finished.get(finished.size() - 1)));
    }

    @Test
    void aClientCallOutsideAnyWorkIsNotSentButOneInsideARequestIs() {
        assertThat(sent(tracer.spanBuilder().kind(Span.Kind.CLIENT).name("http put").start()))
                .as("a registry heartbeat").isFalse();

        Span request = tracer.spanBuilder().kind(Span.Kind.SERVER).name("http post /api/disputes")
                .tag("uri", "/api/disputes").start();
        Span keys = tracer.spanBuilder().setParent(request.context()).kind(Span.Kind.CLIENT).name("http get").start();
        assertThat(sent(keys)).as("fetching keys for a request").isTrue();
        assertThat(sent(request)).isTrue();
    }

    @Test
    void probesAndScrapesAreNotSentOtherRootsAre() {
        assertThat(sent(tracer.spanBuilder().kind(Span.Kind.SERVER).name("http get /actuator/health/{*path}")
                .tag("uri", "/actuator/health/{*path}").start())).isFalse();
        assertThat(sent(tracer.spanBuilder().kind(Span.Kind.SERVER).name("http get /actuator/prometheus")
                .tag("uri", "/actuator/prometheus").start())).isFalse();
        assertThat(sent(tracer.spanBuilder().kind(Span.Kind.CONSUMER).name("grid.patrol-reports.v1 process").start()))
                .isTrue();
        assertThat(sent(tracer.nextSpan().name("event CheckpointMissed").start())).as("a schedule's event").isTrue();
    }
}
