package org.tanchang.grid.mediation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.mediation.dispute.Disputes;
import org.tanchang.grid.platform.test.ApiClient;
import org.tanchang.grid.platform.test.InfrastructureInitializer;
import org.tanchang.grid.platform.test.TestInfrastructure;
import org.tanchang.grid.platform.test.TestUsers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Patrol report with a DISPUTE finding on Kafka → the dispute and its first follow-up visit readable through the
 * service's API, against the tests' embedded Kafka broker and Mongo wire server with the whole service in this JVM
 * (no gateway). Not run by the tests. One report at a time, so each figure is the pipeline's own latency: the clock
 * starts when the record is handed to the producer and stops when GET /api/follow-up-visits/{id} and then
 * GET /api/disputes/{id} both answer 200 (polled every 2 ms). Arguments: reports (200), after 20 for warm-up; parties
 * the member names in the finding (0; 13 is the cattle case: twelve households and the herder, each protected like an
 * {@code add-parties} party on opening).
 */
public final class IntakeBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int parties = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MediationServiceApplication.class)
                .initializers(new InfrastructureInitializer())
                .properties("server.port=0", "logging.level.root=WARN", "logging.level.org.tanchang=WARN")
                .run();
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        ApiClient api = ApiClient.local(port).withToken(TestUsers.mediator(TestUsers.LICHUAN));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 0))) {
            for (int i = 0; i < 20; i++) {
                oneReport(producer, api, parties);
            }
            long[] nanos = new long[reports];
            long start = System.nanoTime();
            for (int i = 0; i < reports; i++) {
                nanos[i] = oneReport(producer, api, parties);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("Patrol report (DISPUTE finding) on Kafka → dispute and visit readable over the API: "
                    + "%d reports with %d named parties each, one after another in %.1f s%n", reports, parties, seconds);
            System.out.printf("latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", pct(nanos, 50), pct(nanos, 90),
                    pct(nanos, 99), nanos[nanos.length - 1] / 1e6);
        } finally {
            app.close();
            System.exit(0);
        }
    }

    private static long oneReport(KafkaProducer<String, String> producer, ApiClient api, int parties)
            throws Exception {
        List<FindingParty> named = new ArrayList<>();
        for (int i = 0; i < parties; i++) {
            named.add(new FindingParty(FindingParty.Kind.PERSON, i == parties - 1 ? FindingParty.Role.RESPONDENT
                    : FindingParty.Role.APPLICANT, "药农" + i, "赔偿覆膜药苗损失"));
        }
        FindingDispute hint = parties == 0 ? null
                : new FindingDispute(FindingDispute.Type.LIVESTOCK_DAMAGE, FindingDispute.RiskLevel.MEDIUM, named);
        String reportId = "pr-bench-" + UUID.randomUUID();
        PatrolReportSubmitted report = new PatrolReportSubmitted(reportId, TestUsers.YANGJIA_GRID, "杨家村第一网格",
                TestUsers.LICHUAN, "member-ldm", "李德明", OffsetDateTime.parse("2026-01-04T08:00:00+08:00"),
                OffsetDateTime.parse("2026-01-04T11:00:00+08:00"), new ResponsibleOfficer("officer-lichuan-01", "王建军"),
                List.of(new PatrolFinding(0, FindingKind.DISPUTE, "牧民马某的牛群踩踏了药农的覆膜药苗，药农要求赔偿",
                        new GeoPoint(104.392, 34.047), List.of(), List.of(), hint)));
        String disputeId = Disputes.idOfPatrolFinding(reportId, 0);
        ProducerRecord<String, String> record = new ProducerRecord<>(PatrolReportSubmitted.TYPE.topic(), reportId,
                JSON.writeValueAsString(report));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/tanchang-grid/grid-service");
        header(record, "ce_type", PatrolReportSubmitted.TYPE.type());
        header(record, "ce_subject", reportId);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_dataschema", PatrolReportSubmitted.TYPE.dataSchema());
        header(record, "content-type", "application/json");
        long sent = System.nanoTime();
        producer.send(record);
        // the visit is written after its dispute, so it is awaited first; the dispute is then read to prove it
        while (api.get("/api/follow-up-visits/" + disputeId + "-visit-1").status() != 200) {
            Thread.sleep(2);
        }
        while (api.get("/api/disputes/" + disputeId).status() != 200) {
            Thread.sleep(2);
        }
        return System.nanoTime() - sent;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }
}
