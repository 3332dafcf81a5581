package org.tanchang.grid.devstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one JVM) from the Maven jars.
 * Env: {@code KAFKA_PORT} (9092), {@code KAFKA_CONTROLLER_PORT} (9093), {@code DATA_DIR} (.data); the log
 * lives in {@code DATA_DIR/kafka} and survives restarts.
 *
 * <p>With {@code KAFKA_PROXIED_PORT} set (run.sh sets 19093) the broker has a second client listener, PROXIED, that
 * advertises {@code localhost:KAFKA_PROXY_PORT} (19092) instead of its own port. A TCP proxy from the proxy port to
 * the proxied port then carries every connection of a client that bootstraps through it: a client learns the
 * broker's address from the metadata of the listener it reached, so a proxy in front of the plain listener would be
 * left out after the first request. The fault command puts one service instance behind such a proxy.
 */
public final class LocalKafka {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);

    private LocalKafka() {
    }

    public static void main(String[] args) throws IOException {
        int port = Env.port("KAFKA_PORT", 9092);
        int controllerPort = Env.port("KAFKA_CONTROLLER_PORT", 9093);
        Path logDir = Env.dataDir().resolve("kafka");
        Files.createDirectories(logDir);
        // Beside the log dir rather than in it, so the broker never mistakes it for log content.
        Path config = Env.dataDir().resolve("kafka-server.properties");
        String proxied = Env.get("KAFKA_PROXIED_PORT", "");
        Listener proxiedListener = proxied.isEmpty() ? null
                : new Listener(Env.port("KAFKA_PROXIED_PORT", 19093), Env.port("KAFKA_PROXY_PORT", 19092));
        Files.writeString(config, serverProperties(port, controllerPort, proxiedListener, logDir));

        // Formatting again would give the log dir a new cluster id and make the existing data unreadable.
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        KafkaReadyProbe.startInBackground(port);
        kafka.Kafka.main(new String[] {config.toString()}); // blocks; Kafka's own hook handles SIGTERM
    }

    /** A client listener bound on {@code port} that tells its clients to connect to {@code advertisedPort}. */
    record Listener(int port, int advertisedPort) {
    }

    static String serverProperties(int port, int controllerPort, Listener proxied, Path logDir) {
        String listeners = "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort;
        String advertised = "PLAINTEXT://localhost:" + port;
        String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (proxied != null) {
            listeners += ",PROXIED://127.0.0.1:" + proxied.port();
            advertised += ",PROXIED://localhost:" + proxied.advertisedPort();
            protocols += ",PROXIED:PLAINTEXT";
        }
        return String.join("\n", List.of(
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=localhost:" + controllerPort,
                "listeners=" + listeners,
                "advertised.listeners=" + advertised,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=" + protocols,
                "log.dirs=" + logDir,
                "num.partitions=3",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "auto.create.topics.enable=true",
                // One node: every internal topic must live with one replica or it is never created.
                "offsets.topic.replication.factor=1",
                // Fewer partitions than the default 50 make the first consumer group come up faster.
                "offsets.topic.num.partitions=5",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=5",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // Nobody else joins a local group; waiting 3 s for them only slows every test.
                "group.initial.rebalance.delay.ms=0",
                // After a kill -9 the restarted broker waits until its old incarnation's session expires
                // (default 9 s); heartbeats stay cheap on one node.
                "broker.heartbeat.interval.ms=500",
                "broker.session.timeout.ms=3000",
                ""));
    }

    private static void format(Path config) {
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc;
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            // execute() rather than main(): main ends in Exit.exit, which would stop this JVM.
            rc = StorageTool.execute(new String[] {"format", "--standalone", "-t", clusterId, "-c", config.toString()}, print);
        } catch (Exception e) {
            throw new IllegalStateException("Formatting the Kafka log dir failed: " + out.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IllegalStateException("Formatting the Kafka log dir failed (" + rc + "): " + out.toString(StandardCharsets.UTF_8));
        }
        log.info("Formatted a new Kafka log dir, cluster id {}", clusterId);
    }
}
