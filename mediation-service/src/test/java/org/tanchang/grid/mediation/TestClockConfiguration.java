package org.tanchang.grid.mediation;

import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tanchang.grid.platform.test.TestClock;

/**
 * The service's clock in every test of this module: real time until a test sets it or freezes it (a test standing
 * on the eve of a holiday). Picked up by the application's component scan, so all test classes share one context;
 * the platform's own clock steps back for it. Tests that move it reset it afterwards.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    TestClock testClock() {
        return TestClock.running(ZoneId.of("Asia/Shanghai"));
    }
}
