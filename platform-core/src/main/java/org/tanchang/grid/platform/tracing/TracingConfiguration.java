package org.tanchang.grid.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.tanchang.grid.platform.events.EventTraces;

/**
 * What the platform adds to Micrometer Tracing (OpenTelemetry bridge, Zipkin export, all configured by Boot from
 * {@code tanchang-platform-defaults.yml}): the outbox's trace keeping, which spans are worth sending, and a trace
 * backend that is away costing one log line instead of a warning every few seconds.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    EventTraces eventTraces(Tracer tracer, io.opentelemetry.api.trace.Tracer otelTracer) {
        return new EventTraces(tracer, new OtelPropagator(
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otelTracer));
    }

    @Bean
    SpanExportingPredicate onlySpansOfWork() {
        return SpansOfWork::exportable;
    }

    @Bean
    static BeanPostProcessor quietZipkinExport(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ZipkinSpanExporter zipkin ? new QuietSpanExporter(zipkin,
                        environment.getProperty("management.tracing.export.zipkin.endpoint", "")) : bean;
            }
        };
    }
}
