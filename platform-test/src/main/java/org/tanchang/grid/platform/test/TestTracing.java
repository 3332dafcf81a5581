package org.tanchang.grid.platform.test;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.micrometer.tracing.propagation.Propagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Micrometer Tracing over a real OpenTelemetry SDK, as a service has it, for code under test outside a Spring
 * context: a tracer, a W3C propagator, and every span that ended, kept in memory (nothing is sent anywhere).
 */
public final class TestTracing {

    private final List<SpanData> finished = new CopyOnWriteArrayList<>();
    private final Tracer tracer;
    private final Propagator w3c;

    public TestTracing() {
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(new Keeper(finished))).build();
        io.opentelemetry.api.trace.Tracer otel = provider.get("test");
        OtelCurrentTraceContext current = new OtelCurrentTraceContext();
        this.tracer = new OtelTracer(otel, current, event -> { },
                new OtelBaggageManager(current, List.of(), List.of()));
        this.w3c = new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel);
    }

    public Tracer tracer() {
        return tracer;
    }

    public Propagator w3c() {
        return w3c;
    }

    /** Every span that ended so far, in the order they ended. */
    public List<SpanData> finished() {
        return List.copyOf(finished);
    }

    private record Keeper(List<SpanData> spans) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
