package org.tanchang.grid.petition.bundle;

import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.petition.BundleTaskCompleted;
import org.tanchang.grid.contracts.petition.BundleTaskRequested;
import org.tanchang.grid.platform.consume.EventReader;
import org.tanchang.grid.platform.consume.IdempotentWrites;

/**
 * Consumes the bundle's own task events: a requested task becomes a unit's work item (insert once, keyed by task id);
 * a completed task is applied to its bundle once (a task with an outcome ignores repeats).
 */
@Component
class BundleEvents {

    private final EventReader reader;
    private final IdempotentWrites writes;
    private final MongoOperations mongo;
    private final Bundles bundles;
    private final Clock clock;

    BundleEvents(EventReader reader, IdempotentWrites writes, MongoOperations mongo, Bundles bundles,
            Clock clock) {
        this.clock = clock;
        this.reader = reader;
        this.writes = writes;
        this.mongo = mongo;
        this.bundles = bundles;
    }

    @KafkaListener(topics = Topics.REQUESTS)
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, BundleTaskRequested.TYPE).ifPresent(e -> createTask(e.data()));
        reader.read(record, BundleTaskCompleted.TYPE).ifPresent(e -> bundles.applyOutcome(e.data()));
    }

    /** Normally the acceptance wrote the task already; this covers a stop between its two writes. */
    private void createTask(BundleTaskRequested event) {
        BundleRequest bundle = mongo.findById(event.bundleRequestId(), BundleRequest.class);
        if (bundle == null) {
            return;
        }
        bundle.tasks.stream().filter(t -> t.taskId.equals(event.taskId())).findFirst().ifPresent(task ->
                writes.insertOnce(BundleTask.of(bundle, task, bundles.itemName(task.itemCode), clock.instant())));
    }
}
