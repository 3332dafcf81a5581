package org.tanchang.grid.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A trace backend that is away for many batches costs one log line, and its return one more. */
class QuietSpanExporterTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(QuietSpanExporter.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeforeEach
    void listen() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(lines);
    }

    @Test
    void saysOnceThatSpansCannotBeSentAndOnceThatTheyCanAgain() {
        Deque<Boolean> answers = new ArrayDeque<>(List.of(false, false, false, false, true, true, false));
        QuietSpanExporter exporter = new QuietSpanExporter(new Backend(answers), "http://zipkin:9411/api/v2/spans");

        List<Boolean> results = new java.util.ArrayList<>();
        for (int batch = 0; batch < 7; batch++) {
            results.add(exporter.export(List.of()).isSuccess());
        }

        assertThat(results).as("each batch's own result is passed on").containsExactly(false, false, false, false,
                true, true, false);
        assertThat(lines.list).extracting(e -> e.getLevel() + " " + e.getFormattedMessage()).containsExactly(
                "WARN Spans cannot be sent to the trace backend at http://zipkin:9411/api/v2/spans; they are dropped "
                        + "until it answers (ZIPKIN_ENDPOINT sets it, TRACING_EXPORT_ENABLED=false stops sending)",
                "INFO Spans reach the trace backend at http://zipkin:9411/api/v2/spans again",
                "WARN Spans cannot be sent to the trace backend at http://zipkin:9411/api/v2/spans; they are dropped "
                        + "until it answers (ZIPKIN_ENDPOINT sets it, TRACING_EXPORT_ENABLED=false stops sending)");
    }

    private record Backend(Deque<Boolean> answers) implements SpanExporter {

        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return answers.removeFirst() ? CompletableResultCode.ofSuccess() : CompletableResultCode.ofFailure();
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
