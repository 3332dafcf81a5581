package org.tanchang.grid.gridservice.sentiment;

import jakarta.validation.constraints.NotNull;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;
import org.tanchang.grid.contracts.Topics;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Mood;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Risk;
import org.tanchang.grid.gridservice.sentiment.SentimentCodes.Topic;
import org.tanchang.grid.platform.consume.EventReader;

/**
 * Opens a sentiment record from every SENTIMENT finding of a patrol report, from the report's event like the other
 * services take their findings. Consumed rather than written with the report: the patrol aggregate stays one document
 * with one event, the sentiment gets its own document and event, and a redelivered report finds its sentiments
 * already stored (their ids are the report's and the finding's), so nothing is recorded twice.
 */
@Component
@EnableConfigurationProperties(PatrolSentimentIntake.FindingDefaults.class)
class PatrolSentimentIntake {

    /**
     * A patrol finding carries a description and the people named, not the codes of a sentiment record: these are
     * the codes it is recorded with, until the member's app sends them.
     */
    @Validated
    @ConfigurationProperties("tanchang.grid.sentiment.from-patrol")
    record FindingDefaults(@NotNull Topic topic, @NotNull Mood mood, @NotNull Risk risk) {
    }

    private final EventReader reader;
    private final Sentiments sentiments;
    private final FindingDefaults defaults;

    PatrolSentimentIntake(EventReader reader, Sentiments sentiments, FindingDefaults defaults) {
        this.reader = reader;
        this.sentiments = sentiments;
        this.defaults = defaults;
    }

    /** The group is a setting so that two instances of the service in one test JVM (two databases) each take all. */
    @KafkaListener(topics = Topics.PATROL_REPORTS,
            groupId = "${tanchang.grid.sentiments-consumer-group:grid-service-sentiments}")
    void on(ConsumerRecord<String, String> record) {
        reader.read(record, PatrolReportSubmitted.TYPE).ifPresent(event -> {
            PatrolReportSubmitted r = event.data();
            for (PatrolFinding f : r.findings()) {
                if (f.kind() == FindingKind.SENTIMENT) {
                    int people = f.peopleConcerned() == null ? 0 : f.peopleConcerned().size();
                    sentiments.recordFinding(r.reportId(), f.index(), r.gridCode(), f.description(), people,
                            defaults.topic(), defaults.mood(), defaults.risk(), r.memberId(), r.memberName(),
                            r.endedAt().toInstant());
                }
            }
        });
    }
}
