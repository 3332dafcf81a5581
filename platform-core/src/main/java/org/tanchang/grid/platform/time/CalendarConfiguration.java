package org.tanchang.grid.platform.time;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The county's work calendar from {@code tanchang.calendar} (holidays and make-up working days as data). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarProperties.class)
public class CalendarConfiguration {

    @ConfigurationProperties("tanchang.calendar")
    public record CalendarProperties(List<LocalDate> holidays, List<LocalDate> extraWorkdays) {

        public CalendarProperties {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            extraWorkdays = extraWorkdays == null ? List.of() : List.copyOf(extraWorkdays);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    WorkCalendar workCalendar(CalendarProperties properties,
            @org.springframework.beans.factory.annotation.Value("${tanchang.zone:Asia/Shanghai}") String zone) {
        return new WorkCalendar(Set.copyOf(properties.holidays()), Set.copyOf(properties.extraWorkdays()),
                ZoneId.of(zone));
    }
}
