package org.tanchang.grid.gridservice.statistics;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.problem.ProblemException;

/**
 * Runs an administrator's rebuild of the statistics in the background: replay every topic into fresh collections,
 * promote them to live, then catch up with what arrived meanwhile. One at a time in the whole service (a
 * {@link RebuildLease}, so also across instances): asking while one runs answers with the running one. A rebuild whose progress has not moved for the configured time is taken for abandoned (its
 * instance stopped) and no longer blocks a new one.
 */
@Component
class StatisticsRebuilds {

    private static final Logger log = LoggerFactory.getLogger(StatisticsRebuilds.class);

    private final StatisticsRebuild rebuild;
    private final StatisticsPromotion promotion;
    private final MongoOperations mongo;
    private final Clock clock;
    private final Duration staleAfter;
    private final RebuildLease lease;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> new Thread(r, "statistics-rebuild"));

    StatisticsRebuilds(StatisticsRebuild rebuild, StatisticsPromotion promotion, MongoOperations mongo, Clock clock,
            @Value("${tanchang.grid.statistics.rebuild-stale-after:PT10M}") Duration staleAfter) {
        this.rebuild = rebuild;
        this.promotion = promotion;
        this.mongo = mongo;
        this.clock = clock;
        this.staleAfter = staleAfter;
        this.lease = new RebuildLease(mongo, clock, staleAfter);
    }

    synchronized RebuildProgress start(String requestedBy) {
        Optional<RebuildProgress> running = running();
        if (running.isPresent()) {
            return running.get();
        }
        String id = UUID.randomUUID().toString();
        if (!lease.claim(id)) {
            // another instance took the lease an instant ago and is about to record its rebuild
            return running().orElseThrow(() -> ProblemException.conflict(
                    "Another instance is starting a rebuild; ask again in a moment", Map.of()));
        }
        var now = clock.instant();
        RebuildProgress started = new RebuildProgress(id, RebuildProgress.State.REPLAYING,
                requestedBy, now, now, null, null, 0, 0, null);
        mongo.insert(started);
        runner.submit(() -> run(started));
        return started;
    }

    Optional<RebuildProgress> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RebuildProgress.class));
    }

    private Optional<RebuildProgress> running() {
        Query query = Query.query(Criteria.where("state").in("REPLAYING", "PROMOTING")
                .and("updatedAt").gte(clock.instant().minus(staleAfter)))
                .with(Sort.by(Sort.Direction.DESC, "startedAt"));
        return Optional.ofNullable(mongo.findOne(query, RebuildProgress.class));
    }

    private void run(RebuildProgress job) {
        AtomicReference<RebuildProgress> current = new AtomicReference<>(job);
        StatisticsStore staged = new StatisticsStore("rebuild_" + job.id().substring(0, 8) + "_");
        try {
            var replayed = rebuild.rebuild(staged,
                    total -> save(current, current.get().counted(total, 0, 0, clock.instant())),
                    read -> save(current, current.get().counted(current.get().recordsTotal(), read, 0,
                            clock.instant())));
            save(current, current.get().with(RebuildProgress.State.PROMOTING, clock.instant()));
            promotion.promote(staged);
            var caughtUp = rebuild.replay(StatisticsStore.LIVE, replayed.end(), total -> { }, read -> { });
            RebuildProgress done = current.get().counted(current.get().recordsTotal(), replayed.records(),
                    caughtUp.records(), clock.instant());
            save(current, done.with(RebuildProgress.State.DONE, clock.instant()));
        } catch (RuntimeException e) {
            log.error("statistics rebuild {} failed", job.id(), e);
            save(current, current.get().failed(e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant()));
        } finally {
            lease.release(job.id());
        }
    }

    private void save(AtomicReference<RebuildProgress> current, RebuildProgress next) {
        current.set(next);
        mongo.save(next);
        lease.renew(next.id());
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
