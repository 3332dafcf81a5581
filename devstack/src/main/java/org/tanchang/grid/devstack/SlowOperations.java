package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.bson.Document;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire server's slow operation log, as mongod's ({@code slowms}, 100 ms by default): a command that took longer
 * is logged with its collection and the shape of its filter (field names and operators, never values, which may be
 * personal data). It is how a query that reads the whole collection shows itself before the store has grown.
 * Env {@code MONGO_SLOW_MS} (100; 0 logs everything).
 */
final class SlowOperations {

    private static final Logger log = LoggerFactory.getLogger(SlowOperations.class);

    private final long thresholdNanos;

    private SlowOperations(long thresholdMillis) {
        this.thresholdNanos = thresholdMillis * 1_000_000;
    }

    static SlowOperations fromEnvironment() {
        return new SlowOperations(Long.parseLong(Env.get("MONGO_SLOW_MS", "100")));
    }

    void record(String database, String command, Document query, long nanos) {
        if (nanos < thresholdNanos || !log.isWarnEnabled()) {
            return;
        }
        Object collection = query.get(command);
        Object filter = query.containsKey("filter") ? query.get("filter") : query.get("q");
        if (filter == null && query.get("updates") instanceof java.util.List<?> updates && !updates.isEmpty()
                && updates.get(0) instanceof Document first) {
            filter = first.get("q");
        }
        if (filter == null && query.get("pipeline") instanceof java.util.List<?> pipeline && !pipeline.isEmpty()) {
            filter = pipeline.get(0);
        }
        log.warn("Slow operation: {} ms {} {}.{} filter {}", nanos / 1_000_000, command, database, collection,
                shape(filter));
    }

    /** The filter with every value replaced by its type: {@code {state={$in=list}, dueAt={$lte=Date}}}. */
    static Object shape(Object value) {
        if (value instanceof Document document) {
            Map<String, Object> shape = new TreeMap<>();
            document.forEach((key, inner) -> shape.put(key, shape(inner)));
            return shape;
        }
        if (value instanceof java.util.List<?> list) {
            return list.isEmpty() || !(list.get(0) instanceof Document) ? "list" : list.stream().map(SlowOperations::shape).toList();
        }
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
