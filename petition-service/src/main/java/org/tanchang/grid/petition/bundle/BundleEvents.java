package org.tanchang.grid.petition.bundle;

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

    BundleEvents(EventReader reader, IdempotentWrites writes, MongoOperations mongo, Bundles bundles) {
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

    private void createTask(BundleTaskRequested event) {
        BundleRequest bundle = mongo.findById(event.bundleRequestId(), BundleRequest.class);
        if (bundle == null) {
            return;
        }
        BundleTask task = new BundleTask();
        task.id = event.taskId();
        task.bundleRequestId = event.bundleRequestId();
        task.itemCode = event.itemCode();
        task.gridCode = bundle.gridCode;   // the event has no area; the bundle in this service's store has it
        task.fields = event.fields();
        writes.insertOnce(task);
    }
}
