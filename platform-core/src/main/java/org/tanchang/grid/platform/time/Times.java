package org.tanchang.grid.platform.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The county's zone: stored instants are shown to people as local time with the +08:00 offset. */
public final class Times {

    public static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(COUNTY_ZONE).toOffsetDateTime();
    }

    /** The same moment as the county's local time. */
    public static OffsetDateTime local(OffsetDateTime moment) {
        return moment == null ? null : moment.atZoneSameInstant(COUNTY_ZONE).toOffsetDateTime();
    }

    /** The county's calendar day of a moment, whatever offset it was written with. */
    public static LocalDate countyDate(OffsetDateTime moment) {
        return moment.atZoneSameInstant(COUNTY_ZONE).toLocalDate();
    }
}
