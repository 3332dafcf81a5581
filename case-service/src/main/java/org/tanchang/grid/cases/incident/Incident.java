package org.tanchang.grid.cases.incident;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * A police incident (警情/案件). Created in {@link IncidentState#REPORTED} with a case number and the first entry of
 * its timeline, and written in one insert together with its {@code IncidentOpened} event in {@link #outbox}.
 * The reporter's personal data is stored only in protected form (ciphertext, keyed hash, mask), never in plain.
 */
@Document("incidents")
@CompoundIndexes({
        @CompoundIndex(name = "grid_case_number", def = "{'gridCode': 1, 'caseNumber': -1}"),
        // exact-match search by the keyed hash; sparse because most incidents (all patrol findings) have no reporter
        @CompoundIndex(name = "reporter_phone_hash", def = "{'reporter.phone.hash': 1}", sparse = true),
        @CompoundIndex(name = "reporter_id_number_hash", def = "{'reporter.idNumber.hash': 1}", sparse = true)})
class Incident {

    /**
     * Who reported it, as far as they gave their details; every part is optional. Each value is a {@link
     * ProtectedValue}, written by {@link IncidentReporters#protect}.
     */
    record Reporter(ProtectedValue name, ProtectedValue idNumber, ProtectedValue phone, ProtectedValue address) {
    }

    /** One step of the incident's history: who moved it into which state, when, and why. Only ever appended. */
    record TimelineEntry(IncidentState state, String actor, Instant at, String remark) {
    }

    /** What is known when an incident is reported, whichever way it arrived. */
    record Report(IncidentSource source, String sourceReference, String gridCode, String description,
            GeoPoint location, Instant reportedAt, String actor, String remark, Reporter reporter) {
    }

    @Id
    String id;
    @Indexed(unique = true)
    String caseNumber;
    IncidentState state;
    IncidentSource source;
    @Indexed
    String sourceReference;
    String gridCode;
    String description;
    GeoPoint location;
    Reporter reporter;
    Instant reportedAt;
    Instant createdAt;
    List<TimelineEntry> timeline = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    /**
     * A new incident in REPORTED whose timeline starts with the report itself. Times are kept to the millisecond,
     * as Mongo stores them, so the incident reads the same before and after it is stored.
     */
    static Incident reported(String id, String caseNumber, Report report, Instant now) {
        Incident incident = new Incident();
        incident.id = id;
        incident.caseNumber = caseNumber;
        incident.state = IncidentState.REPORTED;
        incident.source = report.source();
        incident.sourceReference = report.sourceReference();
        incident.gridCode = report.gridCode();
        incident.description = report.description();
        incident.location = report.location();
        incident.reporter = report.reporter();
        incident.reportedAt = report.reportedAt() == null ? now : report.reportedAt().truncatedTo(ChronoUnit.MILLIS);
        incident.createdAt = now;
        incident.timeline.add(new TimelineEntry(IncidentState.REPORTED, report.actor(), now, report.remark()));
        return incident;
    }
}
