package org.tanchang.grid.platform.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock a test moves: either running (real time, shifted to wherever the test set it) or standing still at an
 * instant until the test moves it. Ours rather than ThreeTen-Extra's {@code MutableClock}, which only stands still:
 * a service's background work (notification-service's delivery retries 200 ms apart, the outbox relay) must see time
 * pass after a test has jumped to 23:00 or the day before a visit. Views made by {@link #withZone} move with it.
 */
public final class TestClock extends Clock {

    /** {@code stoppedAt} null: running, real time plus {@code offset}. */
    private record Setting(Instant stoppedAt, Duration offset) {
    }

    private static final Setting REAL_TIME = new Setting(null, Duration.ZERO);

    private final AtomicReference<Setting> setting;
    private final ZoneId zone;

    private TestClock(AtomicReference<Setting> setting, ZoneId zone) {
        this.setting = setting;
        this.zone = zone;
    }

    /** Real time until a test moves it; then it runs on from where it was put. */
    public static TestClock running(ZoneId zone) {
        return new TestClock(new AtomicReference<>(REAL_TIME), zone);
    }

    /** Stands at {@code instant} until a test moves it. */
    public static TestClock stoppedAt(Instant instant, ZoneId zone) {
        return new TestClock(new AtomicReference<>(new Setting(instant, Duration.ZERO)), zone);
    }

    /** A running clock runs on from {@code instant}; a stopped one stands there. */
    public void setTo(Instant instant) {
        setting.updateAndGet(s -> s.stoppedAt() != null
                ? new Setting(instant, Duration.ZERO)
                : new Setting(null, Duration.between(Instant.now(), instant)));
    }

    /** Stops the clock at {@code instant}: exact times for assertions on a machine too busy for a running one. */
    public void freezeAt(Instant instant) {
        setting.set(new Setting(instant, Duration.ZERO));
    }

    public void advance(Duration duration) {
        setting.updateAndGet(s -> s.stoppedAt() != null
                ? new Setting(s.stoppedAt().plus(duration), Duration.ZERO)
                : new Setting(null, s.offset().plus(duration)));
    }

    /** Real time again, running: for a clock shared by every test of a context, after a test moved it. */
    public void reset() {
        setting.set(REAL_TIME);
    }

    @Override
    public Instant instant() {
        Setting s = setting.get();
        return s.stoppedAt() != null ? s.stoppedAt() : Instant.now().plus(s.offset());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new TestClock(setting, other);
    }
}
