package org.tanchang.grid.platform.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends spans as the wrapped exporter does, but says once that the trace backend cannot be reached and once that it
 * can again, instead of the exporter's warning with a stack trace for every batch (the exporter's own logger is
 * set to ERROR in the platform defaults). Spans are sent from the batch processor's thread, so an absent backend
 * never slows a request; the batches it could not send are dropped.
 */
final class QuietSpanExporter implements SpanExporter {

    private static final Logger log = LoggerFactory.getLogger(QuietSpanExporter.class);

    private final SpanExporter delegate;
    private final String endpoint;
    private final AtomicBoolean failing = new AtomicBoolean();

    QuietSpanExporter(SpanExporter delegate, String endpoint) {
        this.delegate = delegate;
        this.endpoint = endpoint;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        CompletableResultCode result = delegate.export(spans);
        result.whenComplete(() -> {
            if (!result.isSuccess() && failing.compareAndSet(false, true)) {
                log.warn("Spans cannot be sent to the trace backend at {}; they are dropped until it answers "
                        + "(ZIPKIN_ENDPOINT sets it, TRACING_EXPORT_ENABLED=false stops sending)", endpoint);
            } else if (result.isSuccess() && failing.compareAndSet(true, false)) {
                log.info("Spans reach the trace backend at {} again", endpoint);
            }
        });
        return result;
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }

    @Override
    public String toString() {
        return "Quiet" + delegate;
    }
}
