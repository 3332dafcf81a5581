package org.tanchang.grid.platform.mongo;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Stores calendar days ({@link LocalDate}) as ISO text such as {@code 2026-01-07}. Spring Data's default turns a day
 * into midnight of the JVM's zone, so two instances in different zones would disagree about which day a visit is
 * due; text has no zone, sorts and compares correctly, and is applied to query values the same way.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnClass(MongoCustomConversions.class)
public class PlatformMongoConversions {

    @Bean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new DayToText(), new TextToDay()));
    }

    @WritingConverter
    static final class DayToText implements Converter<LocalDate, String> {
        @Override
        public String convert(LocalDate day) {
            return day.toString();
        }
    }

    @ReadingConverter
    static final class TextToDay implements Converter<String, LocalDate> {
        @Override
        public LocalDate convert(String text) {
            return LocalDate.parse(text);
        }
    }
}
