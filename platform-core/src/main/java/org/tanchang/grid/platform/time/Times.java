package org.tanchang.grid.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The county's zone: stored instants are shown to people as local time with the +08:00 offset. The zone is
 * {@code tanchang.zone} (platform-core's defaults), set once at start-up before any bean exists; code without
 * Spring (unit tests, tools) sees the default.
 */
public final class Times {

    /** The default of {@code tanchang.zone}. Kept for existing callers; new code asks {@link #zone()} or the Clock. */
    public static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private static volatile ZoneId zone = COUNTY_ZONE;

    private Times() {
    }

    /** The county's zone as configured ({@code tanchang.zone}). */
    public static ZoneId zone() {
        return zone;
    }

    /** Called once at start-up with {@code tanchang.zone}, by the environment post-processor of the core. */
    public static void useZone(ZoneId configured) {
        zone = configured;
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    /** The same moment as the county's local time. */
    public static OffsetDateTime local(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** The county's calendar day of a moment, whatever offset it was written with. */
    public static LocalDate countyDate(OffsetDateTime moment) {
        return moment.atZoneSameInstant(zone).toLocalDate();
    }
}
