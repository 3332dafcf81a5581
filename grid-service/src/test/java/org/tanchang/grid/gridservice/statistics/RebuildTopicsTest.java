package org.tanchang.grid.gridservice.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * A rebuild replays what the live listener reads. Four features added their topics to the listener at once and
 * three of them forgot the rebuild, which would have dropped their figures from every rebuilt or repaired store.
 */
class RebuildTopicsTest {

    @Test
    void theRebuildReplaysEveryTopicTheLiveFiguresAreMadeFrom() throws NoSuchMethodException {
        KafkaListener live = StatisticsListener.class.getDeclaredMethod("on", ConsumerRecord.class)
                .getAnnotation(KafkaListener.class);

        assertThat(Set.copyOf(StatisticsRebuild.TOPICS)).isEqualTo(Set.of(live.topics()));
    }
}
