package org.tanchang.grid.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the ready line once the broker answers a client request; Kafka itself logs nothing reliable for that. */
final class KafkaReadyProbe implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LocalKafka.class);
    private static final Duration LIMIT = Duration.ofSeconds(120);

    private final int port;

    private KafkaReadyProbe(int port) {
        this.port = port;
    }

    static void startInBackground(int port) {
        Thread thread = new Thread(new KafkaReadyProbe(port), "kafka-ready-probe");
        thread.setDaemon(true); // must not keep the JVM up after the broker has stopped
        thread.start();
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        try {
            // An Admin client started before the listener exists logs a warning per reconnect attempt.
            awaitListener(deadline);
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + port,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) LIMIT.toMillis(),
                    AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                    AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
                admin.describeCluster().nodes().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            }
            log.info("Kafka broker ready on localhost:{}", port);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("Kafka broker on localhost:{} did not answer within {} s", port, LIMIT.toSeconds(), e);
        }
    }

    private void awaitListener(long deadline) throws InterruptedException, IOException {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (remainingMillis(deadline) <= 0) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
}
