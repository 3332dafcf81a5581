package org.tanchang.grid.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Quiet hours and rate limits: both defer a delivery to a later time, never drop it, because what the rules chose
 * to tell someone still matters in the morning.
 */
@Component
class DeliveryPolicies {

    record Deferral(Instant until, String reason) {
    }

    private final MongoOperations mongo;
    private final DeliveryProperties properties;
    private final ZoneId zone;

    DeliveryPolicies(MongoOperations mongo, DeliveryProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.zone = clock.getZone();
    }

    Optional<Deferral> deferral(Delivery d, Instant now) {
        if (properties.quietHoursChannels().contains(d.channel) && d.quietFrom != null && d.quietTo != null) {
            Instant end = quietUntil(LocalTime.parse(d.quietFrom), LocalTime.parse(d.quietTo), now);
            if (end != null) {
                return Optional.of(new Deferral(end, "QUIET_HOURS"));
            }
        }
        if (properties.rateLimitedChannels().contains(d.channel)) {
            return rateLimited(d, now).map(until -> new Deferral(until, "RATE_LIMIT"));
        }
        return Optional.empty();
    }

    /** The end of the quiet period {@code now} falls in, or null; a period may run over midnight (22:00–07:00). */
    Instant quietUntil(LocalTime from, LocalTime to, Instant now) {
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        boolean overMidnight = from.isAfter(to);
        if (!overMidnight) {
            return !time.isBefore(from) && time.isBefore(to) ? day.atTime(to).atZone(zone).toInstant() : null;
        }
        if (!time.isBefore(from)) {
            return day.plusDays(1).atTime(to).atZone(zone).toInstant();
        }
        return time.isBefore(to) ? day.atTime(to).atZone(zone).toInstant() : null;
    }

    /** When the oldest message of the window leaves it, if the recipient already had the maximum on this channel. */
    private Optional<Instant> rateLimited(Delivery d, Instant now) {
        Query window = Query.query(Criteria.where("recipientId").is(d.recipientId).and("channel").is(d.channel)
                .and("status").is(DeliveryStatus.SENT).and("sentAt").gt(now.minus(properties.rateWindow())));
        if (mongo.count(window, Delivery.class) < properties.rateLimit()) {
            return Optional.empty();
        }
        Delivery oldest = mongo.findOne(window.with(Sort.by("sentAt")).limit(1), Delivery.class);
        return Optional.of(oldest == null ? now.plus(properties.rateWindow())
                : oldest.sentAt.plus(properties.rateWindow()));
    }
}
