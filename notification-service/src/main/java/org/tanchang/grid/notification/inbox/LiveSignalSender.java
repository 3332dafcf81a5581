package org.tanchang.grid.notification.inbox;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * Sends live signals with a producer of their own. A send blocks while the broker cannot be reached (to fetch
 * metadata) for {@code max.block.ms}: the suite's producer rightly waits long for events, but a best-effort signal
 * must not hold the delivery worker that long, so this one waits {@code tanchang.notification.stream.max-block}.
 * Not a KafkaTemplate bean on purpose: a second one would make the suite's template ambiguous or switch it off.
 */
class LiveSignalSender implements DisposableBean {

    private final KafkaOperations<String, String> kafka;
    private final DefaultKafkaProducerFactory<String, String> ownProducers;

    LiveSignalSender(KafkaOperations<String, String> kafka) {
        this(kafka, null);
    }

    private LiveSignalSender(KafkaOperations<String, String> kafka,
            DefaultKafkaProducerFactory<String, String> ownProducers) {
        this.kafka = kafka;
        this.ownProducers = ownProducers;
    }

    /** The suite's producer settings, but blocking at most {@code maxBlock}. */
    static LiveSignalSender withOwnProducer(ProducerFactory<String, String> suite, Duration maxBlock) {
        Map<String, Object> config = new HashMap<>(suite.getConfigurationProperties());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlock.toMillis());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        DefaultKafkaProducerFactory<String, String> own = new DefaultKafkaProducerFactory<>(config);
        return new LiveSignalSender(new KafkaTemplate<>(own), own);
    }

    /** The settings of this sender's own producer (empty for one built around a given template). */
    Map<String, Object> producerSettings() {
        return ownProducers == null ? Map.of() : ownProducers.getConfigurationProperties();
    }

    CompletableFuture<?> send(String topic, String key, String value) {
        return kafka.send(topic, key, value);
    }

    @Override
    public void destroy() {
        if (ownProducers != null) {
            ownProducers.destroy();
        }
    }
}
