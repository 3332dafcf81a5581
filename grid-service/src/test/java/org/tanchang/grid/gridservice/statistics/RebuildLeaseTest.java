package org.tanchang.grid.gridservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.tanchang.grid.platform.test.ServiceIntegrationTest;

/** Two instances asking for a rebuild: one lease, taken once, taken over only from a silent holder. */
@ServiceIntegrationTest
class RebuildLeaseTest {

    static final Instant NOON = Instant.parse("2030-01-01T04:00:00Z");
    static final Duration STALE = Duration.ofMinutes(10);

    @Autowired
    MongoTemplate mongo;

    // the service's own lease lives in the same collection: these tests start without one and leave none behind
    // (theirs run in 2030 and would block the service's rebuilds until then)
    @BeforeEach
    @AfterEach
    void noLease() {
        mongo.remove(new Query(), RebuildLease.COLLECTION);
    }

    private RebuildLease instanceAt(Instant now) {
        return new RebuildLease(mongo, Clock.fixed(now, ZoneOffset.UTC), STALE);
    }

    @Test
    void oneOfTwoInstancesGetsTheLeaseUntilItIsReleased() {
        RebuildLease a = instanceAt(NOON);
        RebuildLease b = instanceAt(NOON);

        assertThat(a.claim("rebuild-a")).isTrue();
        assertThat(b.claim("rebuild-b")).isFalse();
        assertThat(a.claim("rebuild-a2")).as("not twice by the same instance either").isFalse();

        a.release("rebuild-a");
        assertThat(b.claim("rebuild-b")).isTrue();
    }

    @Test
    void aSilentHolderLosesTheLeaseAfterStaleAfterButARenewingOneKeepsIt() {
        assertThat(instanceAt(NOON).claim("rebuild-a")).isTrue();
        instanceAt(NOON.plus(Duration.ofMinutes(8))).renew("rebuild-a");

        assertThat(instanceAt(NOON.plus(Duration.ofMinutes(12))).claim("rebuild-b")).as("renewed at 8 min").isFalse();
        assertThat(instanceAt(NOON.plus(Duration.ofMinutes(19))).claim("rebuild-b")).as("silent since 8 min").isTrue();
        instanceAt(NOON.plus(Duration.ofMinutes(20))).release("rebuild-a");
        assertThat(instanceAt(NOON.plus(Duration.ofMinutes(21))).claim("rebuild-c"))
                .as("the old holder's release does not free the new holder's lease").isFalse();
    }
}
