package org.tanchang.grid.mediation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's clock in every test of this module: real time, shifted by an offset a test sets or frozen at an
 * instant it chooses (a test standing on the eve of a holiday). Picked up by the application's component
 * scan, so all test classes share one context; the platform's own clock steps back for it. Tests that move it reset
 * it afterwards.
 */
public class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    public void setTo(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    /** Stops the clock at {@code instant}: for assertions on exact times on a machine too busy for a running one. */
    public void freezeAt(Instant instant) {
        frozen = instant;
    }

    public void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        throw new UnsupportedOperationException("the service uses the county zone only");
    }

    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        TestClock testClock() {
            return new TestClock(ZoneId.of("Asia/Shanghai"));
        }
    }
}
