package org.tanchang.grid.cases.incident;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.domain.Sort;
import org.tanchang.grid.platform.events.EventJson;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxRelay;
import org.tanchang.grid.platform.workflow.DeadlineSweep;
import org.tanchang.grid.platform.workflow.VersionedWrites;
import org.tanchang.grid.platform.workflow.WorkflowProperties;

/**
 * Deadline sweep time for 100,000 open cases against the Mongo wire server (the in-memory de.bwaldvogel server the
 * tests use, not a real MongoDB): 1% of them past their yellow mark, 0.5% overdue. Prints the time of the first sweep
 * (which raises the flags) and of a second one (nothing left to flag: the steady-state cost). Not run by the tests:
 * it is run by {@code LostPropertyMatchingBenchmark}, or alone with the same class path. With
 * {@code BENCH_MONGODB_URI} set it runs against that server instead (bench/performance.sh points it at the suite's
 * durable wire server, whose indexes answer the sweep's questions), in a database of its own that it drops after.
 */
public final class DeadlineSweepBenchmark {

    public static void main(String[] args) {
        run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
        System.exit(0);
    }

    /** Inserts {@code cases} open incidents into a fresh in-memory Mongo wire server and times two sweeps. */
    public static void run(int cases) {
        String external = System.getenv("BENCH_MONGODB_URI");
        MongoServer server = external == null ? new MongoServer(new MemoryBackend()) : null;
        String uri = external != null ? external
                : "mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", "");
        MongoTemplate mongo = new MongoTemplate(MongoClients.create(uri), external == null ? "bench" : "bench_sweep");
        mongo.getDb().drop();
        IndexOperations indexes = mongo.indexOps(Incident.class);
        indexes.createIndex(new Index().on("flag", Sort.Direction.ASC).on("yellowAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("flag", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC));
        Instant now = Instant.parse("2026-11-30T02:00:00Z");
        List<Incident> batch = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            Incident incident = new Incident();
            incident.id = "bench-" + i;
            incident.caseNumber = String.format("621223-20261130-%06d", i);
            incident.state = IncidentState.IN_PROGRESS;
            incident.type = IncidentType.THEFT;
            incident.gridCode = "621223101001001";
            incident.townshipCode = "621223101";
            incident.areaCode = incident.gridCode;
            incident.version = 0L;
            boolean overdue = i % 200 == 0;
            boolean yellow = i % 100 == 1;
            incident.stepStartedAt = now.minus(Duration.ofDays(5));
            incident.dueAt = overdue ? now.minus(Duration.ofHours(1)) : now.plus(Duration.ofDays(yellow ? 1 : 20));
            incident.yellowAt = overdue || yellow ? now.minus(Duration.ofHours(2)) : now.plus(Duration.ofDays(10));
            batch.add(incident);
            if (batch.size() == 5_000) {
                mongo.insert(batch, Incident.class);
                batch.clear();
            }
        }
        mongo.insert(batch, Incident.class);
        Clock clock = Clock.fixed(now, java.time.ZoneId.of("Asia/Shanghai"));
        org.tanchang.grid.platform.test.TestTracing tracing = new org.tanchang.grid.platform.test.TestTracing();
        Outbox outbox = new Outbox("case-service", new EventJson(), clock,
                new org.tanchang.grid.platform.events.EventTraces(tracing.tracer(), tracing.w3c()));
        CaseProperties properties = new CaseProperties(java.util.Map.of(), true);
        VersionedWrites writes = new VersionedWrites(mongo,
                new StaticListableBeanFactory().getBeanProvider(OutboxRelay.class));
        DeadlineSweep sweep = new DeadlineSweep(mongo, writes,
                List.of(new IncidentDeadlines(outbox, properties).incidentStepDeadline()),
                new WorkflowProperties(Duration.ofMinutes(1), Duration.ofSeconds(30), 500), clock);
        long start = System.nanoTime();
        int raised = sweep.sweep(now);
        long first = System.nanoTime() - start;
        start = System.nanoTime();
        int again = sweep.sweep(now);
        long second = System.nanoTime() - start;
        System.out.printf("open cases: %,d (%s)%n", cases,
                external == null ? "Mongo wire server, in-memory backend" : "the Mongo server at " + external);
        System.out.printf("first sweep: %d flags raised in %,d ms%n", raised, first / 1_000_000);
        System.out.printf("second sweep: %d flags raised in %,d ms (steady state)%n", again, second / 1_000_000);
        if (server != null) {
            server.shutdownNow();
        } else {
            mongo.getDb().drop();
        }
    }
}
