package org.tanchang.grid.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryPoliciesTest {

    static final DeliveryProperties PROPERTIES = new DeliveryProperties(Duration.ofSeconds(1), 10,
            Duration.ofMinutes(1), 5, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(2), Set.of(Channel.EMAIL), 20,
            Duration.ofHours(1), Set.of(Channel.EMAIL));

    final DeliveryPolicies policies = new DeliveryPolicies(null, PROPERTIES,
            Clock.system(ZoneId.of("Asia/Shanghai")));

    private static Instant at(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void quietHoursOverMidnightEndInTheMorning() {
        LocalTime from = LocalTime.of(22, 0);
        LocalTime to = LocalTime.of(7, 0);

        assertThat(policies.quietUntil(from, to, at("2026-05-12T23:30:00+08:00")))
                .isEqualTo(at("2026-05-13T07:00:00+08:00"));
        assertThat(policies.quietUntil(from, to, at("2026-05-13T06:59:00+08:00")))
                .isEqualTo(at("2026-05-13T07:00:00+08:00"));
        assertThat(policies.quietUntil(from, to, at("2026-05-13T07:00:00+08:00"))).isNull();
        assertThat(policies.quietUntil(from, to, at("2026-05-12T21:59:00+08:00"))).isNull();
    }

    @Test
    void quietHoursWithinADay() {
        assertThat(policies.quietUntil(LocalTime.of(12, 0), LocalTime.of(14, 0), at("2026-05-12T13:00:00+08:00")))
                .isEqualTo(at("2026-05-12T14:00:00+08:00"));
        assertThat(policies.quietUntil(LocalTime.of(12, 0), LocalTime.of(14, 0), at("2026-05-12T14:00:00+08:00")))
                .isNull();
    }

    @Test
    void backoffDoublesUpToTheCap() {
        assertThat(PROPERTIES.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(PROPERTIES.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(PROPERTIES.backoffAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(PROPERTIES.backoffAfter(5)).isEqualTo(Duration.ofMinutes(2));
    }
}
