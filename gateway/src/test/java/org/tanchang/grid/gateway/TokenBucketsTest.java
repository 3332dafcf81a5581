package org.tanchang.grid.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(3, 2, 10, now::get);

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void aBurstUpToCapacityPassesThenTheCallerWaitsForTheRefill() {
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isTrue();

        TokenBuckets.Decision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));

        advance(Duration.ofMillis(500));
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void callersHaveTheirOwnBudgets() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        assertThat(buckets.take("a").allowed()).isFalse();
        assertThat(buckets.take("b").allowed()).isTrue();
    }

    @Test
    void aLongPauseDoesNotSaveUpMoreThanTheCapacity() {
        buckets.take("a");
        advance(Duration.ofHours(1));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("a").allowed()).isTrue();
        }
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void idleCallersAreForgottenWhenTheTableIsFull() {
        for (int i = 0; i < 10; i++) {
            buckets.take("caller-" + i);
        }
        advance(Duration.ofSeconds(10));
        buckets.take("newcomer");

        assertThat(buckets.callers()).isEqualTo(1);
    }
}
