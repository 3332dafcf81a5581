package org.tanchang.grid.platform.testapp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A minimal service built on the platform, as a real service would be, to test the platform end to end. */
@SpringBootApplication
class PlatformTestApplication {

    /** Every span the app sent, as a trace backend would have received it (Boot's batch processor feeds it). */
    static final List<SpanData> SENT_SPANS = new CopyOnWriteArrayList<>();

    @Bean
    SpanExporter keepingSpanExporter() {
        return new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                SENT_SPANS.addAll(spans);
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
        };
    }
}
