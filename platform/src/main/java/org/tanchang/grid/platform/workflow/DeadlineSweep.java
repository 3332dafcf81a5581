package org.tanchang.grid.platform.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.schedule.PeriodicTask;

/**
 * Raises the flags of every {@link DeadlineTrack}: RED once due, YELLOW once 70 % has passed (a limit first seen past
 * its due time gets RED alone). It asks only for what is due and not yet flagged, on indexed fields, so a sweep over
 * 100,000 open matters reads only the few that changed colour. Each flag is one versioned write with its events in
 * the outbox ({@link VersionedWrites}), so it is raised and published once however often and on however many
 * instances the sweep runs; a step taken meanwhile wins and the aggregate is looked at again next time.
 */
public class DeadlineSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final MongoOperations mongo;
    private final VersionedWrites writes;
    private final List<DeadlineTrack<?>> tracks;
    private final WorkflowProperties properties;
    private final Clock clock;
    private final PeriodicTask task = new PeriodicTask("deadline-sweep");

    public DeadlineSweep(MongoOperations mongo, VersionedWrites writes, List<DeadlineTrack<?>> tracks,
            WorkflowProperties properties, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.tracks = List.copyOf(tracks);
        this.properties = properties;
        this.clock = clock;
    }

    /** Every track as of {@code now}; returns how many flags were raised. */
    public int sweep(Instant now) {
        int raised = 0;
        for (DeadlineTrack<?> track : tracks) {
            raised += sweep(track, now);
        }
        return raised;
    }

    /** One track as of {@code now}; returns how many flags were raised. */
    public <A extends OutboxOwner> int sweep(DeadlineTrack<A> track, Instant now) {
        Criteria red = Criteria.where(track.dueAt()).lte(now).and(track.flag())
                .in(Arrays.asList(null, DeadlineFlag.YELLOW));
        Criteria yellow = Criteria.where(track.yellowAt()).lte(now).and(track.flag()).is(null)
                .and(track.dueAt()).gt(now);
        if (track.open() != null) {
            red = new Criteria().andOperator(red, track.open());
            yellow = new Criteria().andOperator(yellow, track.open());
        }
        return raise(track, red, track.dueAt(), DeadlineFlag.RED, now)
                + raise(track, yellow, track.yellowAt(), DeadlineFlag.YELLOW, now);
    }

    private <A extends OutboxOwner> int raise(DeadlineTrack<A> track, Criteria due, String order, DeadlineFlag flag,
            Instant now) {
        int raised = 0;
        int batch = properties.sweepBatch();
        while (true) {
            List<A> found = mongo.find(Query.query(due).with(Sort.by(order, "_id")).limit(batch), track.type());
            int before = raised;
            for (A aggregate : found) {
                VersionedWrites.Snapshot read = writes.read(aggregate);
                track.raise().raise(aggregate, flag, now);
                if (writes.tryWrite(aggregate, read)) {
                    raised++;
                } else {
                    log.debug("{}: an aggregate changed while sweeping; the next sweep looks again", track.name());
                }
            }
            // a short batch was the last; a batch where every write lost a race is left to the next sweep
            if (found.size() < batch || raised == before) {
                return raised;
            }
        }
    }

    /** The indexes the sweep's two questions use, per track. */
    void ensureIndexes() {
        for (DeadlineTrack<?> track : tracks) {
            String collection = mongo.getCollectionName(track.type());
            index(collection, new Index().on(track.flag(), Sort.Direction.ASC).on(track.dueAt(), Sort.Direction.ASC)
                    .named(track.name() + "_due"));
            index(collection, new Index().on(track.flag(), Sort.Direction.ASC).on(track.yellowAt(), Sort.Direction.ASC)
                    .named(track.name() + "_yellow"));
        }
    }

    /**
     * MongoDB refuses an index on the same keys under another name (one made by an earlier release or by hand); the
     * keys are indexed then, which is all the sweep needs, so that refusal must not stop the service.
     */
    private void index(String collection, Index index) {
        try {
            mongo.indexOps(collection).createIndex(index);
        } catch (RuntimeException exists) {
            log.warn("Index {} on {} not created ({}); the sweep uses the existing index on the same keys",
                    index.getIndexOptions().get("name"), collection, exists.getMessage());
        }
    }

    @Override
    public void start() {
        if (tracks.isEmpty()) {
            return;
        }
        ensureIndexes();
        Duration interval = properties.sweepInterval();
        task.start(properties.sweepInitialDelay(), interval, () -> {
            try {
                long started = System.nanoTime();
                int raised = sweep(clock.instant());
                long millis = (System.nanoTime() - started) / 1_000_000;
                // the figure that shows whether the sweep reads what is due or everything stored
                if (raised > 0 || millis > 1000) {
                    log.info("Deadline sweep raised {} flags in {} ms", raised, millis);
                }
            } catch (RuntimeException e) {
                log.warn("Deadline sweep failed; it runs again in {}: {}", interval, e.toString());
            }
        });
    }

    @Override
    public void stop() {
        task.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }

    public List<DeadlineTrack<?>> tracks() {
        return tracks;
    }
}
