package org.tanchang.grid.platform.web;

import java.time.Instant;
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
}
