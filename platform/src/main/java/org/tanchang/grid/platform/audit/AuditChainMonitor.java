package org.tanchang.grid.platform.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.tanchang.grid.platform.schedule.PeriodicTask;

/**
 * Verifies the service's audit chain every {@code tanchang.audit.verify-interval} and publishes the outcome, so a
 * tampered or damaged chain raises an alert instead of waiting for a supervisor to open the verification endpoint.
 * A walk reads the whole chain (a few MB a year for a county), hence minutes apart, not per scrape.
 *
 * <p>A broken result is verified once more before it is believed: an append owns its sequence a moment before its
 * record is stored (see {@link AuditVerifier}), so a walk during an append can see a gap that closes milliseconds
 * later. Gauges appear after the first walk: {@code tanchang_audit_chain_intact} (1 or 0),
 * {@code tanchang_audit_chain_records} and {@code tanchang_audit_chain_verification_age_seconds}.
 */
class AuditChainMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMonitor.class);
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(2);

    private final AuditVerifier verifier;
    private final MeterRegistry meters;
    private final Duration interval;
    private final Duration initialDelay;
    private final AtomicLong intact = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong verifiedAt = new AtomicLong();
    private final PeriodicTask task = new PeriodicTask("audit-chain-monitor");

    AuditChainMonitor(AuditVerifier verifier, MeterRegistry meters, Duration interval, Duration initialDelay) {
        this.verifier = verifier;
        this.meters = meters;
        this.interval = interval;
        this.initialDelay = initialDelay;
    }

    /** One verification (with its confirming second walk if the first finds a break); publishes and returns it. */
    AuditVerification verifyAndPublish() throws InterruptedException {
        AuditVerification result = verifier.verify();
        if (!result.ok()) {
            Thread.sleep(RECHECK_AFTER.toMillis());
            result = verifier.verify();
            if (!result.ok()) {
                log.error("Audit chain verification failed at record {}: {}", result.firstBrokenSequence(),
                        result.reason());
            }
        }
        intact.set(result.ok() ? 1 : 0);
        records.set(result.checkedCount());
        if (verifiedAt.getAndSet(System.currentTimeMillis()) == 0) {
            Gauge.builder("tanchang.audit.chain.intact", intact, AtomicLong::get)
                    .description("1 if the last verification of this service's audit hash chain found every link "
                            + "intact, 0 if it found an edited, missing or reordered record").register(meters);
            Gauge.builder("tanchang.audit.chain.records", records, AtomicLong::get)
                    .description("Audit records checked by the last verification of the chain").register(meters);
            Gauge.builder("tanchang.audit.chain.verification.age", verifiedAt,
                            at -> (System.currentTimeMillis() - at.get()) / 1000.0)
                    .description("Seconds since the audit chain was last verified").baseUnit("seconds")
                    .register(meters);
        }
        return result;
    }

    private void verifyQuietly() {
        try {
            verifyAndPublish();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // the database away: nothing was verified, the age gauge grows
            log.warn("Audit chain not verified: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (interval.isZero()) {
            return;
        }
        task.start(initialDelay, interval, this::verifyQuietly);
    }

    @Override
    public void stop() {
        task.stop(Duration.ZERO);
    }

    @Override
    public boolean isRunning() {
        return task.isRunning();
    }
}
