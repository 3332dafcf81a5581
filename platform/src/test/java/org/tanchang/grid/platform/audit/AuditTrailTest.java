package org.tanchang.grid.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.platform.test.TestClock;
import org.tanchang.grid.platform.test.TestInfrastructure;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.ids.RequestContext;

/** The audit chain against the real Mongo wire server; every test gets a database of its own. */
class AuditTrailTest {

    private static final MongoClient client = MongoClients.create(TestInfrastructure.mongoUri());
    private static final AtomicInteger databases = new AtomicInteger();

    private MongoTemplate mongo;
    private AuditTrail trail;
    private AuditVerifier verifier;
    private AuditQueries queries;

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @BeforeEach
    void freshDatabase() {
        mongo = new MongoTemplate(client, "audit-test-" + System.nanoTime() + "-" + databases.incrementAndGet());
        trail = new AuditTrail(mongo, Clock.systemUTC(), new AuditProperties(null));
        verifier = new AuditVerifier(mongo);
        queries = new AuditQueries(mongo);
    }

    private static AuditEntry entry(String actor, String action, String objectType, String objectId) {
        return new AuditEntry(actor, "OFFICER", "grid-app", action, objectType, objectId, AuditOutcome.SUCCESS,
                "10.0.0.7");
    }

    private void appendThree() {
        trail.append(entry("officer-1", AuditAction.CREATE, "Incident", "inc-1"));
        trail.append(entry("officer-1", AuditAction.UPDATE, "Incident", "inc-1"));
        trail.append(entry("officer-2", AuditAction.READ_UNMASKED, "Person", "p-9"));
    }

    @Test
    void threeAppendsFormAValidChain() {
        MDC.put(RequestContext.TRACE_ID, "4bf92f3577b34da6a3ce929d0e0e4736");
        MDC.put(RequestContext.REQUEST_ID, "req-42");
        try {
            appendThree();
        } finally {
            MDC.remove(RequestContext.TRACE_ID);
            MDC.remove(RequestContext.REQUEST_ID);
        }

        assertThat(verifier.verify()).isEqualTo(new AuditVerification(true, 3, null, null, 1L));
        List<Document> stored = mongo.find(new Query().with(Sort.by("_id")), Document.class, AuditRecord.COLLECTION);
        assertThat(stored).extracting(d -> d.get("_id")).containsExactly(1L, 2L, 3L);
        assertThat(stored.get(0).getString("previousHash")).isEqualTo(AuditRecord.GENESIS_HASH);
        assertThat(stored.get(1).getString("previousHash")).isEqualTo(stored.get(0).getString("hash"));
        assertThat(stored.get(2).getString("previousHash")).isEqualTo(stored.get(1).getString("hash"));
        assertThat(stored).allSatisfy(d -> {
            assertThat(d.getString("traceId")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(d.getString("requestId")).isEqualTo("req-42");
            assertThat(d.getString("hash")).hasSize(64).matches("[0-9a-f]+");
        });
    }

    @Test
    void givenTraceAndRequestIdsWinOverTheMdc() {
        MDC.put(RequestContext.TRACE_ID, "from-mdc");
        try {
            AuditRecord record = trail.append(new AuditEntry("svc", null, null, AuditAction.CREATE, "Dispute", "d-1",
                    AuditOutcome.FAILED, null, "given-trace", "given-request"));
            assertThat(record.traceId()).isEqualTo("given-trace");
            assertThat(record.requestId()).isEqualTo("given-request");
        } finally {
            MDC.remove(RequestContext.TRACE_ID);
        }
        assertThat(verifier.verify().ok()).isTrue();
    }

    /**
     * Issue 13, item 11: records name their operation; a chain mixing records from before (without one) and after
     * stays valid, and removing or changing a record's operation breaks it.
     */
    @Test
    void recordsNameTheirOperationAndTheChainStaysValidAcrossTheChange() {
        AuditRecord before = trail.append(entry("officer-1", AuditAction.CREATE, "incidents", "inc-1"));
        AuditRecord voided = trail.append(entry("officer-1", AuditAction.TRANSITION, "incidents", "inc-1")
                .withOperation("incident.void"));
        trail.append(entry("officer-1", AuditAction.TRANSITION, "incidents", "inc-2").withOperation("incident.close"));

        assertThat(before.operation()).isNull();
        assertThat(before.canonical()).startsWith("tanchang-audit-v1\n").doesNotContain("operation");
        assertThat(voided.canonical()).startsWith("tanchang-audit-v2\n").endsWith("operation=13:incident.void\n");
        assertThat(verifier.verify().ok()).isTrue();
        assertThat(queries.find(null, null, null, null, "incident.void", null, null, 0, 10).items())
                .extracting(AuditRecord::objectId).containsExactly("inc-1");
        assertThat(mongo.findById(2L, Document.class, AuditRecord.COLLECTION).getString("operation"))
                .isEqualTo("incident.void");

        mongo.updateFirst(Query.query(Criteria.where("_id").is(2L)), new Update().unset("operation"),
                AuditRecord.COLLECTION);
        assertThat(verifier.verify().firstBrokenSequence()).as("an operation removed").isEqualTo(2L);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(2L)), new Update().set("operation", "incident.close"),
                AuditRecord.COLLECTION);
        assertThat(verifier.verify().firstBrokenSequence()).as("an operation changed").isEqualTo(2L);
    }

    @Test
    void theOperationIsDerivedFromTheHandlersPath() {
        assertThat(AuditOperations.of("POST", "/api/incidents")).isEqualTo("incident.create");
        assertThat(AuditOperations.of("POST", "/api/incidents/{id}/void")).isEqualTo("incident.void");
        assertThat(AuditOperations.of("POST", "/api/incidents/{id}/close")).isEqualTo("incident.close");
        assertThat(AuditOperations.of("POST", "/api/incidents/{id}/vehicles")).isEqualTo("incident.add-vehicle");
        assertThat(AuditOperations.of("POST", "/api/incidents/{id}/evidence")).isEqualTo("incident.evidence");
        assertThat(AuditOperations.of("PUT", "/api/incidents/{id}/money")).isEqualTo("incident.set-money");
        assertThat(AuditOperations.of("POST", "/api/disputes/{id}/archive")).isEqualTo("dispute.archive");
        assertThat(AuditOperations.of("POST", "/api/disputes/{id}/add-parties")).isEqualTo("dispute.add-parties");
        assertThat(AuditOperations.of("POST", "/api/disputes/{id}/sessions")).isEqualTo("dispute.add-session");
        assertThat(AuditOperations.of("POST", "/api/service-requests/{id}/accept")).isEqualTo("service-request.accept");
        assertThat(AuditOperations.of("POST", "/api/service-requests/{id}/assistance/{assistanceId}/reply"))
                .isEqualTo("assistance.reply");
        assertThat(AuditOperations.of("POST", "/api/service-requests/{id}/request-materials"))
                .isEqualTo("service-request.request-materials");
        assertThat(AuditOperations.of("PUT", "/api/grids/{code}")).isEqualTo("grid.update");
        assertThat(AuditOperations.of("POST", "/api/areas/{code}/roster")).isEqualTo("area.roster");
        assertThat(AuditOperations.of("POST", "/api/notifications/webhooks")).isEqualTo("webhook.create");
        assertThat(AuditOperations.of("DELETE", "/api/notifications/webhooks/{id}")).isEqualTo("webhook.delete");
        assertThat(AuditOperations.of("PUT", "/api/notifications/preferences")).isEqualTo("preference.update");
        assertThat(AuditOperations.of("POST", "/api/notifications/deliveries/{id}/replay"))
                .isEqualTo("delivery.replay");
        assertThat(AuditOperations.of("POST", "/api/statistics/rebuild")).isEqualTo("statistics.rebuild");
        assertThat(AuditOperations.of("POST", "/api/bundle-tasks/{taskId}/complete"))
                .isEqualTo("bundle-task.complete");
    }

    @Test
    void thePeriodicVerificationPublishesAnIntactChainAndThenABrokenOne() throws Exception {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry meters =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        AuditChainMonitor monitor = new AuditChainMonitor(verifier, meters, java.time.Duration.ofMinutes(10),
                java.time.Duration.ZERO);
        assertThat(meters.find("tanchang.audit.chain.intact").gauge()).as("absent until verified once").isNull();
        appendThree();

        assertThat(monitor.verifyAndPublish().ok()).isTrue();
        assertThat(meters.get("tanchang.audit.chain.intact").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("tanchang.audit.chain.records").gauge().value()).isEqualTo(3.0);
        assertThat(meters.get("tanchang.audit.chain.intact").gauge().getId().getDescription()).isNotBlank();

        mongo.updateFirst(Query.query(Criteria.where("_id").is(2L)), new Update().set("objectId", "inc-2"),
                AuditRecord.COLLECTION);
        assertThat(monitor.verifyAndPublish().ok()).as("still broken on the confirming walk").isFalse();
        assertThat(meters.get("tanchang.audit.chain.intact").gauge().value()).isZero();
    }

    @Test
    void anEditedRecordIsReportedAtItsSequence() {
        appendThree();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(2L)), new Update().set("objectId", "inc-2"),
                AuditRecord.COLLECTION);

        AuditVerification result = verifier.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(2L);
        assertThat(result.checkedCount()).isEqualTo(1);
        assertThat(result.reason()).contains("altered");
    }

    @Test
    void anEditWithARecomputedHashBreaksTheNextLink() {
        appendThree();
        Document two = mongo.findById(2L, Document.class, AuditRecord.COLLECTION);
        AuditRecord forged = AuditRecord.fromDocument(two.append("objectId", "inc-2")).sealed();
        mongo.save(forged.toDocument(), AuditRecord.COLLECTION);

        AuditVerification result = verifier.verify();

        assertThat(result.firstBrokenSequence()).isEqualTo(3L);
        assertThat(result.reason()).contains("does not link");
    }

    @Test
    void aDeletedRecordIsReportedAsAGap() {
        appendThree();
        mongo.remove(Query.query(Criteria.where("_id").is(2L)), AuditRecord.COLLECTION);

        AuditVerification result = verifier.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(2L);
        assertThat(result.reason()).contains("missing");
    }

    @Test
    void aDeletedNewestRecordIsFoundThroughTheChainHead() {
        appendThree();
        mongo.remove(Query.query(Criteria.where("_id").is(3L)), AuditRecord.COLLECTION);

        AuditVerification result = verifier.verify();

        assertThat(result.firstBrokenSequence()).isEqualTo(3L);
        assertThat(result.reason()).contains("newest end");
    }

    @Test
    void reorderedRecordsAreReported() {
        appendThree();
        Document two = mongo.findById(2L, Document.class, AuditRecord.COLLECTION);
        Document three = mongo.findById(3L, Document.class, AuditRecord.COLLECTION);
        mongo.save(new Document(three).append("_id", 2L), AuditRecord.COLLECTION);
        mongo.save(new Document(two).append("_id", 3L), AuditRecord.COLLECTION);

        AuditVerification result = verifier.verify();

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenSequence()).isEqualTo(2L);
    }

    @Test
    void theCrashWindowShowsAsAGapAtTheLostSequence() {
        appendThree();
        // an append that moved the head to 4 and died before inserting record 4
        mongo.updateFirst(Query.query(Criteria.where("_id").is(AuditTrail.HEAD_ID)),
                new Update().set("seq", 4L).set("hash", "f".repeat(64)), AuditTrail.HEAD_COLLECTION);
        assertThat(verifier.verify().firstBrokenSequence()).isEqualTo(4L);

        AuditRecord next = trail.append(entry("officer-3", AuditAction.CREATE, "Incident", "inc-5"));

        assertThat(next.sequence()).isEqualTo(5L);
        assertThat(next.previousHash()).isEqualTo("f".repeat(64));
        AuditVerification result = verifier.verify();
        assertThat(result.firstBrokenSequence()).isEqualTo(4L);
        assertThat(result.reason()).contains("record 4 is missing");
    }

    @Test
    void aRemovedChainHeadStopsAppendsInsteadOfForkingTheChain() {
        appendThree();
        mongo.remove(Query.query(Criteria.where("_id").is(AuditTrail.HEAD_ID)), AuditTrail.HEAD_COLLECTION);

        assertThatThrownBy(() -> trail.append(entry("officer-1", AuditAction.UPDATE, "Incident", "inc-1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has been removed");
        assertThat(mongo.count(new Query(), AuditRecord.COLLECTION)).isEqualTo(3);
    }

    @Test
    void expiryAtTheOldestEndLeavesAVerifiableChain() {
        appendThree();
        trail.append(entry("officer-1", AuditAction.TRANSITION, "Incident", "inc-1"));
        // what the TTL index does on MongoDB proper: the oldest records go
        mongo.remove(Query.query(Criteria.where("_id").lte(2L)), AuditRecord.COLLECTION);

        assertThat(verifier.verify()).isEqualTo(new AuditVerification(true, 2, null, null, 3L));
    }

    @Test
    void concurrentAppendsGetConsecutiveSequencesAndOneValidChain() throws Exception {
        // two instances of the service sharing the database: batches within each, races between them
        AuditTrail otherInstance = new AuditTrail(mongo, Clock.systemUTC(), new AuditProperties(null));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                AuditTrail instance = t % 2 == 0 ? trail : otherInstance;
                writers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        AuditRecord stored = instance.append(
                                entry("officer-" + thread, AuditAction.UPDATE, "Incident", "inc-" + i));
                        assertThat(stored.actor()).isEqualTo("officer-" + thread);
                        assertThat(stored.objectId()).isEqualTo("inc-" + i);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> sequences = mongo.find(new Query().with(Sort.by("_id")), Document.class, AuditRecord.COLLECTION)
                .stream().map(d -> ((Number) d.get("_id")).longValue()).toList();
        assertThat(sequences).containsExactlyElementsOf(LongStream.rangeClosed(1, 200).boxed().toList());
        assertThat(verifier.verify()).isEqualTo(new AuditVerification(true, 200, null, null, 1L));
    }

    @Test
    void queriesFilterAndPageNewestFirst() {
        Instant start = Instant.parse("2026-01-04T01:00:00Z");
        TestClock clock = TestClock.stoppedAt(start, ZoneOffset.UTC);
        trail = new AuditTrail(mongo, clock, new AuditProperties(null));
        for (int i = 1; i <= 5; i++) {
            clock.setTo(start.plus(Duration.ofMinutes(i)));
            trail.append(entry("officer-1", AuditAction.UPDATE, "Incident", "inc-1"));
        }
        clock.setTo(start.plus(Duration.ofMinutes(10)));
        trail.append(entry("officer-2", AuditAction.READ_UNMASKED, "Person", "p-1"));
        clock.setTo(start.plus(Duration.ofMinutes(11)));
        trail.append(entry("officer-1", AuditAction.CREATE, "Incident", "inc-2"));

        Page<AuditRecord> first = queries.find("officer-1", "Incident", "inc-1", null, null, null, 0, 2);
        assertThat(first.total()).isEqualTo(5);
        assertThat(first.items()).extracting(AuditRecord::sequence).containsExactly(5L, 4L);
        Page<AuditRecord> last = queries.find("officer-1", "Incident", "inc-1", null, null, null, 2, 2);
        assertThat(last.items()).extracting(AuditRecord::sequence).containsExactly(1L);

        assertThat(queries.find(null, null, null, AuditAction.READ_UNMASKED, null, null, 0, 20).items())
                .singleElement().satisfies(r -> {
                    assertThat(r.actor()).isEqualTo("officer-2");
                    assertThat(r.objectId()).isEqualTo("p-1");
                    assertThat(r.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                    assertThat(r.time()).isEqualTo(start.plus(Duration.ofMinutes(10)));
                    assertThat(r.hash()).isEqualTo(r.sealed().hash());
                });
        assertThat(queries.find(null, null, null, null, start.plus(Duration.ofMinutes(2)),
                start.plus(Duration.ofMinutes(4)), 0, 20).items()).extracting(AuditRecord::sequence)
                .containsExactly(3L, 2L);
        assertThat(queries.find(null, null, null, null, start.plus(Duration.ofMinutes(10)), null, 0, 20).items())
                .extracting(AuditRecord::sequence).containsExactly(7L, 6L);
        assertThat(queries.find(null, null, null, null, null, start.plus(Duration.ofMinutes(2)), 0, 20).items())
                .extracting(AuditRecord::sequence).containsExactly(1L);
        assertThat(queries.find("nobody", null, null, null, null, null, 0, 20).total()).isZero();

        assertThatThrownBy(() -> queries.find(null, null, null, null, null, null, 0, 101))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.find(null, null, null, null, null, null, -1, 20))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> queries.find(null, null, null, null, start.plus(Duration.ofMinutes(2)), start,
                0, 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timesNeverRunBackwardsAlongTheChain() {
        Instant late = Instant.parse("2026-01-04T02:00:00Z");
        TestClock clock = TestClock.stoppedAt(late, ZoneOffset.UTC);
        trail = new AuditTrail(mongo, clock, new AuditProperties(null));
        trail.append(entry("officer-1", AuditAction.CREATE, "Incident", "inc-1"));
        clock.setTo(late.minusSeconds(5)); // another instance whose clock is behind

        AuditRecord second = trail.append(entry("officer-1", AuditAction.UPDATE, "Incident", "inc-1"));

        assertThat(second.time()).isEqualTo(late);
        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void retentionBelow180DaysIsRefused() {
        assertThat(new AuditProperties(null).retention()).isEqualTo(Duration.ofDays(180));
        assertThatThrownBy(() -> new AuditProperties(Duration.ofDays(179)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 180 days");

        ApplicationContextRunner context = new ApplicationContextRunner()
                .withUserConfiguration(AuditConfiguration.class)
                .withBean(MongoOperations.class, () -> mongo)
                .withBean(Clock.class, Clock::systemUTC);
        context.withPropertyValues("tanchang.audit.retention=P179D").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("at least 180 days");
        });
        context.withPropertyValues("tanchang.audit.retention=P365D").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(AuditProperties.class).retention()).isEqualTo(Duration.ofDays(365));
            started.getBean(AuditTrail.class).append(entry("officer-1", AuditAction.CREATE, "Incident", "inc-1"));
            assertThat(started.getBean(AuditVerifier.class).verify().ok()).isTrue();
        });
    }

    @Test
    void aChangedRetentionReplacesTheTtlIndexPeriod() {
        trail.ensureStorage();
        AuditTrail longer = new AuditTrail(mongo, Clock.systemUTC(), new AuditProperties(Duration.ofDays(400)));

        longer.ensureStorage();
        longer.append(entry("officer-1", AuditAction.CREATE, "Incident", "inc-1"));

        assertThat(verifier.verify().ok()).isTrue();
    }

    @Test
    void anEntryNeedsActorActionObjectTypeAndOutcome() {
        assertThatThrownBy(() -> new AuditEntry(" ", null, null, AuditAction.CREATE, "Incident", null,
                AuditOutcome.SUCCESS, null)).hasMessageContaining("actor");
        assertThatThrownBy(() -> new AuditEntry("a", null, null, AuditAction.CREATE, "Incident", null, null, null))
                .hasMessageContaining("outcome");
    }

    @Test
    void theCanonicalFormIsUnambiguous() {
        AuditRecord a = new AuditRecord(1, Instant.EPOCH, "a\nrole=1:x", null, null, "CREATE", "T", null,
                AuditOutcome.SUCCESS, null, null, null, AuditRecord.GENESIS_HASH, null);
        AuditRecord b = new AuditRecord(1, Instant.EPOCH, "a", "x", null, "CREATE", "T", null,
                AuditOutcome.SUCCESS, null, null, null, AuditRecord.GENESIS_HASH, null);
        AuditRecord empty = new AuditRecord(1, Instant.EPOCH, "a", "", null, "CREATE", "T", null,
                AuditOutcome.SUCCESS, null, null, null, AuditRecord.GENESIS_HASH, null);
        AuditRecord absent = new AuditRecord(1, Instant.EPOCH, "a", null, null, "CREATE", "T", null,
                AuditOutcome.SUCCESS, null, null, null, AuditRecord.GENESIS_HASH, null);
        assertThat(a.computeHash()).isNotEqualTo(b.computeHash());
        assertThat(empty.computeHash()).isNotEqualTo(absent.computeHash());
    }
}
