package org.tanchang.grid.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.platform.ids.RequestContext;

/**
 * Appends audit records to this service's hash chain (one chain per service database).
 *
 * <h2>Race-free without transactions</h2>
 * The next sequence number and the previous hash come from one chain-head document ({@value #HEAD_COLLECTION},
 * {@code _id} {@value #HEAD_ID}: {@code seq}, {@code hash}, {@code time} of the newest record). Because the new
 * hash depends on the previous one, an append is an optimistic loop: read the head; build and hash the record with
 * {@code seq + 1} and {@code previousHash = head.hash}; move the head with a findAndModify that matches only while
 * {@code seq} is still the value read; if it matched, this append owns that sequence and inserts the record
 * ({@code _id} = sequence, so it can never be duplicated), else another instance or thread won and we retry from a
 * fresh read. Every instance of a service may append concurrently. Within one instance, appends are batched
 * (group commit, see {@link #append}), so the loop moves the head past a whole batch at once.
 *
 * <h2>The crash window (honestly)</h2>
 * Between moving the head and inserting the record there is a window: if the process dies there (or MongoDB stays
 * unreachable through the insert retries), the head has advanced but the record does not exist. The chain is not
 * silently repaired: the next record links to the lost record's hash, and {@link AuditVerifier} reports a gap at
 * that sequence. The audit record of that one act is lost, but the loss is detectable, which is the point of the
 * chain. The verifier cannot tell such a gap from a record somebody deleted; both need a look by a person, and the
 * application log has an ERROR line for a failed insert (a hard crash leaves none).
 *
 * <h2>Time order</h2>
 * A record's time is never earlier than its predecessor's (the head carries the newest time), so times rise with
 * sequences even across instances with slightly different clocks. That makes the TTL index on {@code time} remove
 * records strictly from the oldest end of the chain, never a hole in the middle (see {@link AuditVerifier}).
 */
public class AuditTrail {

    static final String HEAD_COLLECTION = "audit_chain_head";
    static final String HEAD_ID = "chain";
    static final String TTL_INDEX = "audit_time_ttl";
    private static final int INSERT_ATTEMPTS = 3;
    private static final int MAX_BATCH = 200;
    private static final int WRITER_ROUNDS = 4;
    private static final long WAIT_FOR_WRITER_MILLIS = 5;
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoOperations mongo;
    private final Clock clock;
    private final AuditProperties properties;
    private final ReentrantLock writer = new ReentrantLock();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private volatile boolean storageReady;

    public AuditTrail(MongoOperations mongo, Clock clock, AuditProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Appends one record to the chain and returns it as stored. Throws if it could not be stored.
     *
     * <p>Group commit: the calling thread queues its entry; if no other thread of this instance is writing, it
     * becomes the writer and appends every entry queued by then as one batch (one head move, one insert of
     * consecutive records), a few rounds while more arrive; otherwise it waits for its own record, not for the
     * lock (handing a lock to fifty waiters one after the other, only for each to find its record written, cost
     * more than the writing). Only other instances still race for the head, through the optimistic loop.
     */
    public AuditRecord append(AuditEntry entry) {
        ensureStorage();
        Pending mine = new Pending(entry,
                entry.traceId() != null ? entry.traceId() : MDC.get(RequestContext.TRACE_ID),
                entry.requestId() != null ? entry.requestId() : MDC.get(RequestContext.REQUEST_ID));
        waiting.add(mine);
        while (!mine.stored().isDone()) {
            if (writer.tryLock()) {
                try {
                    int rounds = 0;
                    do {
                        appendBatch(drain());
                    } while (!waiting.isEmpty() && ++rounds < WRITER_ROUNDS);
                } finally {
                    writer.unlock();
                }
            } else {
                // the writer may have drained the queue just before this entry arrived: look again shortly
                awaitQuietly(mine.stored());
            }
        }
        try {
            return mine.stored().join();
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    private static void awaitQuietly(CompletableFuture<AuditRecord> stored) {
        try {
            stored.get(WAIT_FOR_WRITER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException ignored) {
            // timed out: try to become the writer; failed: join() rethrows it
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void appendBatch(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            store(batch, claimSequences(batch));
        } catch (RuntimeException failure) {
            batch.forEach(pending -> pending.stored().completeExceptionally(failure));
        }
    }

    /**
     * Moves the chain head past the whole batch and returns its records, chained in queue order. The optimistic
     * loop only loses to another instance of the service (this one holds its writer lock).
     */
    private List<AuditRecord> claimSequences(List<Pending> batch) {
        int conflicts = 0;
        while (true) {
            Document head = mongo.findById(HEAD_ID, Document.class, HEAD_COLLECTION);
            if (head == null) {
                // never recreated silently: a new head at 0 would fork the chain; this needs a person
                throw new IllegalStateException("the audit chain head " + HEAD_COLLECTION + "/" + HEAD_ID
                        + " has been removed; appends stop until it is restored");
            }
            long seq = ((Number) head.get("seq")).longValue();
            String previousHash = head.getString("hash");
            Date headTime = head.getDate("time");
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            Instant time = headTime != null && headTime.toInstant().isAfter(now) ? headTime.toInstant() : now;
            List<AuditRecord> records = new ArrayList<>(batch.size());
            for (Pending pending : batch) {
                AuditEntry entry = pending.entry();
                AuditRecord record = new AuditRecord(seq + records.size() + 1, time, entry.actor(), entry.role(),
                        entry.client(), entry.action(), entry.objectType(), entry.objectId(), entry.outcome(),
                        entry.sourceAddress(), pending.traceId(), pending.requestId(), previousHash, null,
                        entry.operation()).sealed();
                records.add(record);
                previousHash = record.hash();
            }
            AuditRecord last = records.get(records.size() - 1);
            Document moved = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(HEAD_ID).and("seq").is(seq)),
                    new Update().set("seq", last.sequence()).set("hash", last.hash())
                            .set("time", Date.from(last.time())),
                    FindAndModifyOptions.options().returnNew(false), Document.class, HEAD_COLLECTION);
            if (moved != null) {
                return records;
            }
            // another instance took seq + 1 first: read the new head and chain onto it, after a short random pause
            // that grows with the conflicts, so instances do not keep retrying into each other
            conflicts++;
            sleepQuietly(ThreadLocalRandom.current().nextLong(1, 2L << Math.min(conflicts, 5)));
        }
    }

    /** One insert for the batch; if that fails, record by record, so one bad insert costs only its own record. */
    private void store(List<Pending> batch, List<AuditRecord> records) {
        try {
            mongo.insert(records.stream().map(AuditRecord::toDocument).toList(), AuditRecord.COLLECTION);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).stored().complete(records.get(i));
            }
            return;
        } catch (DataAccessException bulkFailed) {
            log.warn("Audit batch of {} could not be inserted at once, inserting one by one: {}", records.size(),
                    bulkFailed.getMessage());
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                insert(records.get(i));
                batch.get(i).stored().complete(records.get(i));
            } catch (RuntimeException lost) {
                batch.get(i).stored().completeExceptionally(lost);
            }
        }
    }

    private record Pending(AuditEntry entry, String traceId, String requestId,
            CompletableFuture<AuditRecord> stored) {
        Pending(AuditEntry entry, String traceId, String requestId) {
            this(entry, traceId, requestId, new CompletableFuture<>());
        }
    }

    /**
     * Inserts a record whose sequence this append owns. Retries a failed insert a few times; a duplicate key on a
     * retry means an earlier attempt did arrive (its acknowledgement was lost), which is success if it is ours.
     */
    private void insert(AuditRecord record) {
        DataAccessException last = null;
        for (int attempt = 1; attempt <= INSERT_ATTEMPTS; attempt++) {
            try {
                mongo.insert(record.toDocument(), AuditRecord.COLLECTION);
                return;
            } catch (DuplicateKeyException duplicate) {
                Document existing = mongo.findById(record.sequence(), Document.class, AuditRecord.COLLECTION);
                if (existing != null && record.hash().equals(existing.getString("hash"))) {
                    return;
                }
                last = duplicate;
                break; // somebody wrote this sequence behind the chain's back; retrying cannot help
            } catch (DataAccessException failure) {
                last = failure;
                sleepQuietly(100L * attempt);
            }
        }
        log.error("Audit record {} could not be stored; the chain head has moved past it, so the verifier will "
                + "report a gap at sequence {}: {}", record.sequence(), record.sequence(), record.canonical(), last);
        throw new IllegalStateException("audit record " + record.sequence() + " could not be stored", last);
    }

    /**
     * Creates the chain head (once; the unique {@code _id} makes concurrent creation safe) and the indexes. Called
     * at start-up and, in case MongoDB was unreachable then, before the first append.
     */
    public void ensureStorage() {
        if (storageReady) {
            return;
        }
        try {
            mongo.insert(new Document("_id", HEAD_ID).append("seq", 0L).append("hash", AuditRecord.GENESIS_HASH)
                    .append("time", null), HEAD_COLLECTION);
        } catch (DuplicateKeyException exists) {
            // created by an earlier start or another instance
        }
        ensureTtlIndex();
        var indexes = mongo.indexOps(AuditRecord.COLLECTION);
        indexes.createIndex(new Index().on("actor", Sort.Direction.ASC).on("time", Sort.Direction.DESC)
                .named("audit_actor_time"));
        indexes.createIndex(new Index().on("objectType", Sort.Direction.ASC).on("objectId", Sort.Direction.ASC)
                .on("time", Sort.Direction.DESC).named("audit_object_time"));
        storageReady = true;
    }

    /**
     * The retention TTL index on {@code time}, equivalent to {@code @Indexed(expireAfter = ...)} but taking its
     * period from {@code tanchang.audit.retention}. If the index exists with another period (the setting changed),
     * MongoDB refuses a second createIndex, so the period is changed in place with {@code collMod}. The test wire
     * server accepts TTL indexes but never expires anything; on MongoDB proper, expiry runs about once a minute.
     * There is deliberately no sweep of our own: expiry cuts the chain at its oldest end, which the verifier
     * accepts, while any other deletion is exactly what the chain must reveal.
     */
    private void ensureTtlIndex() {
        long seconds = properties.retention().toSeconds();
        try {
            mongo.indexOps(AuditRecord.COLLECTION).createIndex(new Index().on("time", Sort.Direction.ASC)
                    .expire(seconds, TimeUnit.SECONDS).named(TTL_INDEX));
        } catch (DataAccessException conflict) {
            log.info("Changing the audit retention index to {} s ({})", seconds, conflict.getMessage());
            mongo.executeCommand(new Document("collMod", AuditRecord.COLLECTION).append("index",
                    new Document("name", TTL_INDEX).append("expireAfterSeconds", seconds)));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
