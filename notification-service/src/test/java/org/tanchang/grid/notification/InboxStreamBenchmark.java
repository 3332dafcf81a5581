package org.tanchang.grid.notification;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tanchang.grid.contracts.incident.IncidentStateChanged;
import org.tanchang.grid.platform.test.InfrastructureInitializer;
import org.tanchang.grid.platform.test.TestInfrastructure;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kafka → inbox → SSE latency and the memory of open streams, against the tests' embedded Kafka broker and Mongo
 * wire server with the whole service in this JVM. Not run by the tests. Arguments: events per second (200),
 * seconds (30), streams for the memory figure (1000). Prints p50/p90/p99/max latency from the moment the event is
 * handed to the Kafka producer to the moment its notification line arrives on the recipient's stream, and the heap
 * held per 1,000 open streams (heap after GC with them open minus before; the clients are raw sockets that hold a
 * few hundred bytes each, so the figure is essentially the server's).
 */
public final class InboxStreamBenchmark {

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int recipients = 50;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(NotificationServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                // arguments, not default properties: those lose to the service's server.port of 8085
                .run("--server.port=0", "--logging.level.root=WARN", "--logging.level.org.tanchang=WARN",
                        "--server.tomcat.max-connections=20000", "--tanchang.notification.stream.heartbeat=60s");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        try {
            latency(port, rate, seconds, recipients);
            memory(port, connections);
        } finally {
            app.close();
            System.exit(0);
        }
    }

    private static void latency(int port, int rate, int seconds, int recipients) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        int total = rate * seconds;
        CountDownLatch received = new CountDownLatch(total);
        HttpClient http = HttpClient.newHttpClient();
        List<CountDownLatch> ready = new ArrayList<>();
        for (int r = 0; r < recipients; r++) {
            String subject = "bench-citizen-" + r;
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/notifications/stream?maxSeconds=3600")).header("Authorization", "Bearer "
                    + TestUsers.citizen(subject)).build();
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> response.body().forEach(line -> {
                int at = line.indexOf("\"subjectId\":\"");
                if (line.startsWith("data:") && at >= 0) {
                    String id = line.substring(at + 13, line.indexOf('"', at + 13));
                    Long sent = sentAt.remove(id);
                    if (sent != null && !id.startsWith("inc-warm-")) {
                        latencies.add(System.nanoTime() - sent);
                        received.countDown();
                    }
                }
            }));
            reader.setDaemon(true);
            reader.start();
        }
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 0))) {
            warmUp(producer, json, sentAt, 200);
            Thread.sleep(5_000);
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                send(producer, json, sentAt, "bench-citizen-" + (i % recipients), "inc-");
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            boolean all = received.await(120, TimeUnit.SECONDS);
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("Kafka → SSE at %d events/s for %d s (%d recipients with one stream each): sent %d in "
                    + "%.1f s, received %d%s%n", rate, seconds, recipients, total, sendSeconds, sorted.length,
                    all ? "" : " (timed out waiting for the rest)");
            System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(sorted, 50), pct(sorted, 90),
                    pct(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }
    }

    private static void warmUp(KafkaProducer<String, String> producer, JsonMapper json, Map<String, Long> sentAt,
            int events) throws Exception {
        for (int i = 0; i < events; i++) {
            send(producer, json, sentAt, "bench-citizen-" + (i % 50), "inc-warm-");
            Thread.sleep(10);
        }
    }

    private static void send(KafkaProducer<String, String> producer, JsonMapper json, Map<String, Long> sentAt,
            String citizen, String prefix) {
        String incident = prefix + UUID.randomUUID();
        String data = json.writeValueAsString(new IncidentStateChanged(incident, "621223-20260512-0001",
                TestUsers.YANGJIA_GRID, TestUsers.LICHUAN, "THEFT", "REPORTED", "ACCEPTED", "officer-1", "王建军",
                OffsetDateTime.now(), null, null, citizen));
        ProducerRecord<String, String> record = new ProducerRecord<>(IncidentStateChanged.TYPE.topic(), incident, data);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/bench");
        header(record, "ce_type", IncidentStateChanged.TYPE.type());
        header(record, "ce_subject", incident);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_dataschema", IncidentStateChanged.TYPE.dataSchema());
        header(record, "content-type", "application/json");
        sentAt.put(incident, System.nanoTime());
        producer.send(record);
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** Raw-socket streams (no client buffers to speak of), heap after GC before and after. */
    private static void memory(int port, int connections) throws Exception {
        long before = heapAfterGc();
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Socket socket = new Socket("localhost", port);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/notifications/stream?maxSeconds=3600 HTTP/1.1\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + TestUsers.citizen("bench-conn-" + i)
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sockets.add(socket);
        }
        int open = 0;
        for (Socket socket : sockets) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            if (in.readNBytes(head, 0, 12) == 12 && new String(head, StandardCharsets.US_ASCII).endsWith("200")) {
                open++;
            }
        }
        long with = heapAfterGc();
        System.out.printf("%d streams open (of %d): heap %.1f MiB before, %.1f MiB with them: %.1f MiB per 1,000 "
                + "streams (%.1f KiB each)%n", open, connections, before / 1048576.0, with / 1048576.0,
                (with - before) / 1048576.0 * 1000 / Math.max(1, open), (with - before) / 1024.0 / Math.max(1, open));
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        long[] samples = new long[3];
        for (int i = 0; i < samples.length; i++) {
            System.gc();
            Thread.sleep(500);
            samples[i] = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        }
        return Arrays.stream(samples).min().orElse(0);
    }
}
