package org.tanchang.grid.platform.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.tanchang.grid.platform.time.Times;

class CoreAutoConfigurationTest {

    @AfterEach
    void backToTheDefaultZone() {
        Times.useZone(Times.COUNTY_ZONE);
    }

    @Test
    void tanchangZoneIsTheZoneOfTimesAndOfTheClock() {
        StandardEnvironment environment = new StandardEnvironment();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(environment, "tanchang.zone=Asia/Urumqi");
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(Times.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));

        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CoreAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Urumqi")));
    }

    @Test
    void withoutASettingTheZoneIsTheCountysFromTheCoreDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("tanchang.zone")).isEqualTo("Asia/Shanghai");
        assertThat(Times.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void noMongoNoReadinessIndicator() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CoreAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean("mongoPing"));
    }
}
