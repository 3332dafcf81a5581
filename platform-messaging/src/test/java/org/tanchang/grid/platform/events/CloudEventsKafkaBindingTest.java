package org.tanchang.grid.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;

class CloudEventsKafkaBindingTest {

    private final EventJson json = new EventJson();

    private final PatrolReportSubmitted report = new PatrolReportSubmitted("r-1", "621223101001001", "杨家村第一网格",
            "621223101", "m-7", "老李", OffsetDateTime.of(2026, 1, 4, 9, 0, 0, 0, ZoneOffset.ofHours(8)),
            OffsetDateTime.of(2026, 1, 4, 11, 30, 0, 0, ZoneOffset.ofHours(8)), new ResponsibleOfficer("o-1", "王警官"),
            List.of(new PatrolFinding(0, FindingKind.DISPUTE, "牛踩踏覆膜药苗", new GeoPoint(104.39, 34.05))));

    private EventEnvelope envelope(String data) {
        return new EventEnvelope("e-1", "/tanchang-grid/grid-service", PatrolReportSubmitted.TYPE.type(), "r-1",
                Instant.parse("2026-01-04T03:30:00Z"), PatrolReportSubmitted.TYPE.dataSchema(),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", data);
    }

    private static ConsumerRecord<String, String> received(ProducerRecord<String, String> sent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 42L, sent.key(), sent.value());
        sent.headers().forEach(h -> record.headers().add(h));
        return record;
    }

    @Test
    void envelopeAndDataSurviveTheRoundTripThroughKafkaHeaders() {
        EventEnvelope sent = envelope(json.write(report));

        ProducerRecord<String, String> record = CloudEventsKafkaBinding.toRecord("grid.patrol-reports.v1", sent);
        EventEnvelope back = CloudEventsKafkaBinding.fromRecord(received(record));

        assertThat(record.key()).isEqualTo("r-1");
        assertThat(CloudEventsKafkaBinding.get(record.headers(), "ce_specversion")).isEqualTo("1.0");
        assertThat(CloudEventsKafkaBinding.get(record.headers(), "content-type")).isEqualTo("application/json");
        assertThat(back).isEqualTo(sent);
        assertThat(back.traceparent()).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(json.read(back, PatrolReportSubmitted.TYPE)).isEqualTo(report);
    }

    @Test
    void chineseTextIsCarriedAsUtf8() {
        EventEnvelope back = CloudEventsKafkaBinding.fromRecord(received(
                CloudEventsKafkaBinding.toRecord("t", envelope(json.write(report)))));

        assertThat(json.read(back, PatrolReportSubmitted.TYPE).findings().get(0).description()).isEqualTo("牛踩踏覆膜药苗");
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsMalformed() {
        ConsumerRecord<String, String> plain = new ConsumerRecord<>("t", 0, 0L, "k", "{}");

        assertThatThrownBy(() -> CloudEventsKafkaBinding.fromRecord(plain))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("specversion");
    }

    @Test
    void aRecordMissingItsIdIsMalformed() {
        ProducerRecord<String, String> record = CloudEventsKafkaBinding.toRecord("t", envelope("{}"));
        record.headers().remove("ce_id");

        assertThatThrownBy(() -> CloudEventsKafkaBinding.fromRecord(received(record)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("'id'");
    }

    @Test
    void aNewerSchemaVersionIsRefusedRatherThanMisread() {
        EventEnvelope newer = new EventEnvelope("e-2", "/x", "PatrolReportSubmitted", "r-1", Instant.now(),
                "urn:tanchang-grid:schema:PatrolReportSubmitted:v2", null, "{}");

        assertThatThrownBy(() -> json.read(newer, PatrolReportSubmitted.TYPE))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("v2");
    }

    @Test
    void unknownDataFieldsAreToleratedSoProducersCanAddFields() {
        String withExtra = json.write(report).replaceFirst("\\{", "{\"addedLater\":true,");

        assertThat(json.read(envelope(withExtra), PatrolReportSubmitted.TYPE)).isEqualTo(report);
    }

    @Test
    void anUnknownEnumValueFromANewerProducerReadsAsNullInsteadOfPoisoningTheTopic() {
        String newer = json.write(report).replace("\"DISPUTE\"", "\"WILDLIFE\"");

        assertThat(json.read(envelope(newer), PatrolReportSubmitted.TYPE).findings().get(0).kind()).isNull();
    }
}
