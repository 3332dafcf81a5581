package org.tanchang.grid.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft) and one MongoDB wire-protocol server per test JVM, started on first use and stopped
 * when the JVM exits. Starting them once keeps a module's integration tests to seconds instead of minutes.
 */
public final class TestInfrastructure {

    private static EmbeddedKafkaKraftBroker kafka;
    private static MongoServer mongo;
    private static String mongoUri;

    private TestInfrastructure() {
    }

    public static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
            broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
            broker.brokerProperty("auto.create.topics.enable", "true");
            broker.afterPropertiesSet();
            kafka = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
        }
        return kafka.getBrokersAsString();
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            try {
                InetSocketAddress address = server.bind();
                mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
            } catch (RuntimeException e) {
                server.shutdownNow();   // its Netty threads are not daemons: a failed start must not hang the JVM
                throw e;
            }
            mongo = server;
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-wire-stop"));
        }
        return mongoUri;
    }

    /** Simulates a broker outage for tests of what happens while Kafka is away. */
    public static synchronized EmbeddedKafkaKraftBroker kafkaBroker() {
        kafkaBootstrapServers();
        return kafka;
    }
}
