package org.tanchang.grid.platform.tracing;

import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What the platform adds to Micrometer Tracing (OpenTelemetry bridge, Zipkin export, all configured by Boot): which
 * spans are worth sending, and a trace backend that is away costing one log line instead of a warning every few
 * seconds. In every process that exports to Zipkin (services and gateway); the outbox's trace keeping is
 * platform-messaging's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = {"io.micrometer.tracing.exporter.SpanExportingPredicate",
        "io.opentelemetry.exporter.zipkin.ZipkinSpanExporter"})
public class TracingConfiguration {

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
