package org.tanchang.grid.console.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.EventType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the topics whose news a command centre watches and hands each event to the open streams. Every console
 * instance reads every event (a consumer group of its own, from the newest offset, nothing committed): a person's
 * stream may be open on any instance. Best effort by design: the feed only says "look again"; the matters themselves
 * are read from the API, so a missed item costs a refresh, never a fact.
 */
@Component
class FeedListener {

    /** Where an event says where it happened, most precise first. */
    private static final List<String> AREA_FIELDS = List.of("gridCode", "areaCode", "stationCode", "townshipCode",
            "supervisorAreaCode");

    private final LiveFeed feed;
    private final JsonMapper json;
    private final Counter unreadable;

    FeedListener(LiveFeed feed, JsonMapper json, MeterRegistry meters) {
        this.feed = feed;
        this.json = json;
        this.unreadable = Counter.builder("tanchang.console.feed.unreadable")
                .description("Records the live feed skipped because they were not CloudEvents with JSON data")
                .register(meters);
    }

    @KafkaListener(id = "console-feed", topics = "#{@followedTopics}", groupId = "console-feed-${random.uuid}",
            properties = {"auto.offset.reset=latest", "enable.auto.commit=false"})
    void on(ConsumerRecord<String, String> record) {
        FeedItem item = itemOf(record);
        if (item == null) {
            unreadable.increment();
            return;
        }
        feed.publish(item);
    }

    FeedItem itemOf(ConsumerRecord<String, String> record) {
        String type = header(record, "ce_type");
        String time = header(record, "ce_time");
        if (type == null || record.value() == null) {
            return null;
        }
        try {
            JsonNode data = json.readTree(record.value());
            String area = null;
            for (String field : AREA_FIELDS) {
                JsonNode value = data.get(field);
                if (value != null && value.isString() && !value.asString().isBlank()) {
                    area = value.asString();
                    break;
                }
            }
            String subject = header(record, "ce_subject");
            return new FeedItem(shortName(type), domainOf(record.topic()), subject != null ? subject : record.key(),
                    area, time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time));
        } catch (JacksonException | DateTimeParseException e) {
            return null;
        }
    }

    /** org.tanchang.grid.case.IncidentOpened.v1 → IncidentOpened; a legacy short name stays as it is. */
    static String shortName(String cloudEventType) {
        if (!cloudEventType.startsWith(EventType.TYPE_PREFIX)) {
            return cloudEventType;
        }
        String[] parts = cloudEventType.substring(EventType.TYPE_PREFIX.length()).split("\\.");
        return parts.length >= 2 ? parts[1] : cloudEventType;
    }

    private static String domainOf(String topic) {
        int dot = topic.indexOf('.');
        return dot < 0 ? topic : topic.substring(0, dot);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
