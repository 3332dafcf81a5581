package org.tanchang.grid.platform.autoconfigure;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.tanchang.grid.platform.audit.AuditConfiguration;
import org.tanchang.grid.platform.consume.EventConsumerConfiguration;
import org.tanchang.grid.platform.events.EventJson;
import org.tanchang.grid.platform.outbox.OutboxConfiguration;
import org.tanchang.grid.platform.personaldata.PersonalDataConfiguration;
import org.tanchang.grid.platform.web.OpenApiConfiguration;
import org.tanchang.grid.platform.web.WebConfiguration;

/** What every service gets by depending on the platform: events, outbox, idempotent consumers, errors, health. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration"})
@Import({OutboxConfiguration.class, EventConsumerConfiguration.class, WebConfiguration.class,
        OpenApiConfiguration.class, AuditConfiguration.class, PersonalDataConfiguration.class,
        org.tanchang.grid.platform.geo.GridMapConfiguration.class,
        org.tanchang.grid.platform.time.CalendarConfiguration.class,
        org.tanchang.grid.platform.metrics.MetricsConfiguration.class,
        org.tanchang.grid.platform.tracing.TracingConfiguration.class})
@EnableConfigurationProperties
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock(@Value("${tanchang.zone:Asia/Shanghai}") String zone) {
        return Clock.system(java.time.ZoneId.of(zone));
    }

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }
}
