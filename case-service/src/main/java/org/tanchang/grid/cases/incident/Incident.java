package org.tanchang.grid.cases.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.commendation.Commendable;
import org.tanchang.grid.platform.commendation.Commendation;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * A police incident (警情/案件). Created in {@link IncidentState#REPORTED} with a case number and the first entry of
 * its timeline, and written in one insert together with its {@code IncidentOpened} event in its outbox; every later
 * change is one update conditional on the version read ({@code VersionedWrites}; steps by {@link IncidentProcedure}).
 * The current step's time limit stays in flat fields, as the API shows them; {@link IncidentDeadlines} lets the
 * platform's sweep raise its flags (and index them). The reporter's personal data is stored only in protected form
 * (ciphertext, keyed hash, mask), never in plain.
 *
 * <p>{@link #areaCode} is what visibility is decided on: the grid when the incident is placed in one, else the
 * township whose queue it waits in for a manual dispatch.
 */
@Document("incidents")
@CompoundIndexes({
        @CompoundIndex(name = "grid_case_number", def = "{'gridCode': 1, 'caseNumber': -1}"),
        @CompoundIndex(name = "area_case_number", def = "{'areaCode': 1, 'caseNumber': -1}"),
        // exact-match search by the keyed hash; sparse because most incidents (all patrol findings) have no reporter
        @CompoundIndex(name = "reporter_phone_hash", def = "{'reporter.phone.hash': 1}", sparse = true),
        @CompoundIndex(name = "reporter_id_number_hash", def = "{'reporter.idNumber.hash': 1}", sparse = true),
        @CompoundIndex(name = "vehicle_plate", def = "{'details.vehicles.plate': 1}", sparse = true),
        @CompoundIndex(name = "person_id_number_hash", def = "{'details.persons.idNumber.hash': 1}", sparse = true)})
class Incident implements OutboxOwner, Commendable {

    /**
     * Who reported it, as far as they gave their details; every part is optional. Each value is a {@link
     * ProtectedValue}, written by {@link IncidentReporters#protect}.
     */
    record Reporter(ProtectedValue name, ProtectedValue idNumber, ProtectedValue phone, ProtectedValue address) {
    }

    /** One step of the incident's history: who did what, into which state, when, and why. Only ever appended. */
    record TimelineEntry(IncidentState state, String actor, Instant at, String remark, String action,
            String actorName) {
    }

    /**
     * Supervision (督办): who pressed for progress, when, why, and by which day if they said; automatic ones have the
     * actor "system".
     */
    record Supervision(String actor, String actorName, Instant at, String reason, boolean automatic,
            LocalDate deadline) {
    }

    /** Where the incident is: its grid (null while unplaced), village and township. */
    record Placement(String gridCode, String villageCode, String townshipCode) {
        /** The grid, else the township's queue, else (nothing known) the county command centre's queue. */
        String areaCode() {
            return gridCode != null ? gridCode : townshipCode != null ? townshipCode : CaseNumbers.COUNTY_CODE;
        }
    }

    /**
     * What is known when an incident is reported, whichever way it arrived. {@code actorName} is the reporter's
     * display name for the timeline, as every later entry shows it; a system's id serves as its own name.
     */
    record Report(IncidentSource source, String sourceReference, Placement placement, String description,
            GeoPoint location, Instant reportedAt, String actor, String remark, Reporter reporter,
            IncidentType type, String subType, Urgency urgency, String reporterId, String actorName) {

        Report(IncidentSource source, String sourceReference, Placement placement, String description,
                GeoPoint location, Instant reportedAt, String actor, String remark, Reporter reporter,
                IncidentType type, String subType, Urgency urgency, String reporterId) {
            this(source, sourceReference, placement, description, location, reportedAt, actor, remark, reporter, type,
                    subType, urgency, reporterId, actor);
        }
    }

    @Id
    String id;
    @Indexed(unique = true)
    String caseNumber;
    @Indexed
    IncidentState state;
    IncidentSource source;
    @Indexed
    String sourceReference;
    IncidentType type;
    String subType;
    Urgency urgency;
    String gridCode;
    String villageCode;
    String townshipCode;
    @Indexed
    String areaCode;
    String description;
    GeoPoint location;
    Reporter reporter;
    /** The signed-in citizen who reported it (the one who may rate the handling), if any. */
    @Indexed(sparse = true)
    String reporterId;
    String officerId;
    String officerName;
    Instant reportedAt;
    Instant createdAt;
    /** The current step's time limit: when it started, when it turns yellow and red; null when it has none. */
    Instant stepStartedAt;
    Instant yellowAt;
    Instant dueAt;
    /** The highest flag raised for the current step (each is published once); reset by every step. */
    DeadlineFlag flag;
    boolean supervised;
    List<Supervision> supervisions = new ArrayList<>();
    Integer rating;
    CaseDetails details = new CaseDetails();
    List<TimelineEntry> timeline = new ArrayList<>();
    /** Thanks from citizens (锦旗, 感谢信) for the case, oldest first. */
    List<Commendation> commendations = new ArrayList<>();
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
        incident.type = report.type() == null ? IncidentType.OTHER : report.type();
        incident.subType = report.subType();
        incident.urgency = report.urgency() == null ? Urgency.NORMAL : report.urgency();
        incident.gridCode = report.placement().gridCode();
        incident.villageCode = report.placement().villageCode();
        incident.townshipCode = report.placement().townshipCode();
        incident.areaCode = report.placement().areaCode();
        incident.description = report.description();
        incident.location = report.location();
        incident.reporter = report.reporter();
        incident.reporterId = report.reporterId();
        incident.reportedAt = report.reportedAt() == null ? now : report.reportedAt().truncatedTo(ChronoUnit.MILLIS);
        incident.createdAt = now;
        incident.timeline.add(new TimelineEntry(IncidentState.REPORTED, report.actor(), now, report.remark(),
                "report", report.actorName() == null ? report.actor() : report.actorName()));
        return incident;
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    @Override
    public List<Commendation> commendations() {
        return commendations;
    }

    /** The officer of the case and every staff member with a step on its timeline, not the citizen who reported. */
    @Override
    public Set<String> handlers() {
        Set<String> handlers = new HashSet<>();
        if (officerId != null) {
            handlers.add(officerId);
        }
        timeline.stream().map(TimelineEntry::actor).forEach(handlers::add);
        if (reporterId != null) {
            handlers.remove(reporterId);
        }
        return handlers;
    }

    boolean isOpen() {
        return state != IncidentState.VOIDED && state != IncidentState.CLOSED && state != IncidentState.EVALUATED;
    }
}
