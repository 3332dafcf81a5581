package org.tanchang.grid.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The broker's proxied listener (used end to end by system-tests' FaultScheduleIT): a client that reaches it is told
 * to come back through the proxy's port, never the broker's own, so a proxy in front of it carries every connection.
 */
class LocalKafkaListenersTest {

    @Test
    void theProxiedListenerAdvertisesTheProxyPortAndThePlainOneItsOwn() throws IOException {
        Properties config = parse(LocalKafka.serverProperties(9092, 9093, new LocalKafka.Listener(19093, 19092),
                Path.of("/tmp/kafka")));

        assertThat(config.getProperty("listeners"))
                .isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093,PROXIED://127.0.0.1:19093");
        assertThat(config.getProperty("advertised.listeners"))
                .isEqualTo("PLAINTEXT://localhost:9092,PROXIED://localhost:19092");
        assertThat(config.getProperty("listener.security.protocol.map")).contains("PROXIED:PLAINTEXT");
        assertThat(config.getProperty("inter.broker.listener.name")).isEqualTo("PLAINTEXT");
    }

    @Test
    void withoutAProxiedPortTheBrokerHasItsTwoListenersOnly() throws IOException {
        Properties config = parse(LocalKafka.serverProperties(9092, 9093, null, Path.of("/tmp/kafka")));

        assertThat(config.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093");
        assertThat(config.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://localhost:9092");
    }

    private static Properties parse(String text) throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(text));
        return properties;
    }
}
