package org.tanchang.grid.platform.time;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The county's work calendar as data: one file per year, {@code calendars/<year>.yml}, with its {@code holidays}
 * and {@code extra-workdays} (make-up working days). A county adds a year by adding a file, on the classpath or in
 * a directory named in {@code tanchang.calendar.locations} (a later location's file for the same year replaces an
 * earlier one, so a deployment can put the published schedule over the shipped approximation).
 *
 * <p>A year without a file counts Monday to Friday, with an error in the log at start and a warning from
 * {@link WorkCalendar}: the time limits are then off by the year's holidays, which an operator must fix by adding the
 * file. With {@code tanchang.calendar.require-current-year=true} (a deployment that would rather not start than count
 * wrongly) the process refuses to start instead. Not the default: a suite that stops working on the first of January
 * because nobody added next year's file is worse than one that counts its weekdays.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarProperties.class)
public class CalendarConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.ya?ml");

    /** Where the year files are, in order; by default those shipped in platform-core. */
    @ConfigurationProperties("tanchang.calendar")
    public record CalendarProperties(List<String> locations, boolean requireCurrentYear) {

        public CalendarProperties {
            locations = locations == null || locations.isEmpty() ? List.of("classpath*:calendars/*.yml")
                    : List.copyOf(locations);
        }
    }

    /** The contents of one year's file. */
    record YearFile(List<LocalDate> holidays, List<LocalDate> extraWorkdays) {

        YearFile {
            holidays = holidays == null ? List.of() : holidays;
            extraWorkdays = extraWorkdays == null ? List.of() : extraWorkdays;
        }
    }

    @Bean
    @ConditionalOnMissingBean
    WorkCalendar workCalendar(CalendarProperties properties, Clock clock) {
        WorkCalendar calendar = new WorkCalendar(load(properties.locations()), clock.getZone());
        int year = LocalDate.now(clock).getYear();
        if (!calendar.knows(year)) {
            String missing = "The work calendar has no data for " + year + " (it has " + calendar.years()
                    + "): add calendars/" + year + ".yml with its holidays and extra-workdays (the State Council's "
                    + "schedule) to the classpath or to a directory in tanchang.calendar.locations";
            if (properties.requireCurrentYear()) {
                throw new IllegalStateException(missing);
            }
            log.error("{}; until then its time limits count Monday to Friday", missing);
        }
        if (!calendar.knows(year + 1) && LocalDate.now(clock).getMonthValue() >= 11) {
            log.warn("The work calendar has no data for {} yet: add calendars/{}.yml before the year begins",
                    year + 1, year + 1);
        }
        return calendar;
    }

    /** Every year file found at the locations, a later location's year replacing an earlier one's. */
    static List<WorkCalendar.Year> load(List<String> locations) {
        Map<Integer, WorkCalendar.Year> years = new TreeMap<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String location : locations) {
                for (Resource resource : resolver.getResources(location)) {
                    Matcher name = YEAR_FILE.matcher(String.valueOf(resource.getFilename()));
                    if (name.matches()) {
                        years.put(Integer.parseInt(name.group(1)), read(Integer.parseInt(name.group(1)), resource));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the work calendar at " + locations, e);
        }
        return new ArrayList<>(years.values());
    }

    private static WorkCalendar.Year read(int year, Resource resource) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("calendar-" + year, resource);
        YearFile file = new Binder(ConfigurationPropertySources.from(sources))
                .bind("", Bindable.of(YearFile.class)).orElseGet(() -> new YearFile(null, null));
        try {
            return new WorkCalendar.Year(year, Set.copyOf(file.holidays()), Set.copyOf(file.extraWorkdays()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource.getDescription() + ": " + e.getMessage(), e);
        }
    }
}
