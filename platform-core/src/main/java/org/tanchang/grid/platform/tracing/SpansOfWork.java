package org.tanchang.grid.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.exporter.FinishedSpan;
import java.util.Map;

/**
 * Which finished spans go to the trace backend: everything that belongs to a trace of work, not the chatter around
 * it. Dropped are traces of one client call made outside any work (Eureka heartbeats and registry fetches, every
 * few seconds per process) and requests for {@code /actuator/**} (health probes, Prometheus scrapes). The spans
 * still exist while they run (log lines keep their trace id); they are only not sent.
 */
final class SpansOfWork {

    private SpansOfWork() {
    }

    static boolean exportable(FinishedSpan span) {
        if (!isRoot(span.getParentId())) {
            return true;
        }
        if (span.getKind() == Span.Kind.CLIENT) {
            return false;
        }
        Map<String, String> tags = span.getTags();
        String path = tags.getOrDefault("uri", tags.getOrDefault("http.url", ""));
        return !path.startsWith("/actuator");
    }

    private static boolean isRoot(String parentId) {
        return parentId == null || parentId.isEmpty() || parentId.chars().allMatch(c -> c == '0');
    }
}
