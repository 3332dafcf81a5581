package org.tanchang.grid.console.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.tanchang.grid.platform.security.AreaScope;
import tools.jackson.databind.json.JsonMapper;

class LiveFeedTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final LiveFeed feed = new LiveFeed(Duration.ofMinutes(1), new SimpleMeterRegistry());
    private final FeedListener listener = new FeedListener(feed, json, new SimpleMeterRegistry());

    /** Records what is sent to it instead of writing to a response. */
    static final class Recording extends SseEmitter {
        final List<String> sent = new ArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            StringBuilder text = new StringBuilder();
            for (var part : builder.build()) {
                if (part.getData() instanceof FeedItem item) {
                    text.append(item.type()).append('@').append(item.area());
                } else if (!(part.getMediaType() != null && part.getMediaType().equals(MediaType.TEXT_PLAIN)
                        && String.valueOf(part.getData()).startsWith(":"))) {
                    text.append(part.getData());
                }
            }
            sent.add(text.toString());
        }
    }

    @Test
    void anItemReachesOnlyTheStreamsWhoseAreasCoverItsGrid() {
        feed.start();
        Recording township = new Recording();
        Recording otherTownship = new Recording();
        Recording county = new Recording();
        feed.open(new AreaScope(List.of("621223101")), township);
        feed.open(new AreaScope(List.of("621223102")), otherTownship);
        feed.open(new AreaScope(List.of("621223")), county);

        listener.on(record("grid.patrol-reports.v1", "org.tanchang.grid.grid.PatrolReportSubmitted.v1", "report-1",
                "{\"reportId\":\"report-1\",\"gridCode\":\"621223101001001\",\"townshipCode\":\"621223101\"}"));

        assertThat(township.sent).anyMatch(s -> s.contains("PatrolReportSubmitted@621223101001001"));
        assertThat(county.sent).anyMatch(s -> s.contains("PatrolReportSubmitted@621223101001001"));
        assertThat(otherTownship.sent).noneMatch(s -> s.contains("PatrolReportSubmitted"));
    }

    @Test
    void theAreaIsTheGridElseTheAreaTheEventIsAboutAndNothingPersonalIsCarried() {
        FeedItem warning = listener.itemOf(record("grid.risk-warnings.v1", "org.tanchang.grid.grid.RiskWarningRaised.v1",
                "w-1", "{\"warningId\":\"w-1\",\"areaCode\":\"621223101\",\"reporterName\":\"刘桂芳\"}"));
        FeedItem request = listener.itemOf(record("petition.requests.v1", "RequestStateChanged", "r-1",
                "{\"requestId\":\"r-1\",\"stationCode\":\"621223102\",\"citizenId\":\"citizen.liu\"}"));

        assertThat(warning).isEqualTo(new FeedItem("RiskWarningRaised", "grid", "w-1", "621223101",
                Instant.parse("2026-12-07T08:00:00Z")));
        assertThat(request.type()).as("a legacy short type stays as it is").isEqualTo("RequestStateChanged");
        assertThat(request.area()).isEqualTo("621223102");
        assertThat(Set.of(json.writeValueAsString(warning), json.writeValueAsString(request)))
                .noneMatch(text -> text.contains("刘桂芳") || text.contains("citizen.liu"));
    }

    @Test
    void aRecordThatIsNotAnEventIsSkipped() {
        ConsumerRecord<String, String> noType = new ConsumerRecord<>("case.incidents.v1", 0, 0, "k", "{}");
        ConsumerRecord<String, String> notJson = record("case.incidents.v1", "IncidentOpened", "i-1", "not json");

        assertThat(listener.itemOf(noType)).isNull();
        assertThat(listener.itemOf(notJson)).isNull();
    }

    private static ConsumerRecord<String, String> record(String topic, String type, String subject, String data) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, subject, data);
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_subject", subject.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", "2026-12-07T08:00:00Z".getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
