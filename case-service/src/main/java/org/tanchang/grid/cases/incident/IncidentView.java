package org.tanchang.grid.cases.incident;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.time.Times;

@Schema(name = "Incident", description = "A police incident with its case number and the record of every step")
record IncidentView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Opaque id", example = "inc-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") String id,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Case number (案件编号): county code, registration day, daily sequence; sorts by "
                + "registration", example = "621223-20261129-00001") String caseNumber,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "REPORTED") IncidentState state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "WALK_IN") IncidentSource source,
        @Schema(description = "Id of what the incident came from: the patrol report, the 110 call record, the "
                + "referral letter", example = "pr-8d1f4c7a-2b3e-4f60-9c1d-7e5a3b2c1d0e") String sourceReference,
        @Schema(description = "15-digit code of the grid the incident is in; null while it waits in its township's "
                + "queue for a manual dispatch", example = "621223101001001")
        String gridCode,
        @Schema(example = "621223101001") String villageCode,
        @Schema(example = "621223101") String townshipCode,
        @Schema(example = "HERB_THEFT") IncidentType type,
        @Schema(example = "FIELD") String subType,
        @Schema(example = "NORMAL") Urgency urgency,
        @Schema(description = "The officer it was dispatched to", example = "po-wang-hai") String officerId,
        @Schema(example = "王海") String officerName,
        @Schema(description = "When the current step is due (null: no limit)", example = "2026-12-02T09:41:12+08:00")
        OffsetDateTime dueAt,
        @Schema(description = "YELLOW from 70% of the current step's limit, RED when overdue; null while green",
                example = "YELLOW") DeadlineFlag flag,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Under supervision (督办)", example = "false") boolean supervised,
        @Schema(description = "The reporter's rating, 1 to 5, once evaluated", example = "5") Integer rating,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "The actions the current state allows", example = "[\"dispatch\"]")
        Set<String> allowedActions,
        @Schema(example = "药材地里的当归被盗约200公斤，地边有三轮车车辙。") String description,
        @Schema(description = "Where it happened, if known") Location location,
        @Schema(description = "Who reported it, if they gave their details; masked unless an unmask was granted")
        ReporterView reporter,
        @Schema(description = "When it was reported (or found on patrol)", example = "2026-11-29T09:40:00+08:00")
        OffsetDateTime reportedAt,
        @Schema(description = "When case-service registered it", example = "2026-11-29T09:41:12.345+08:00")
        OffsetDateTime createdAt,
        @Schema(description = "Evidence, money, vehicles and persons involved") DetailsView details,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Every step so far, oldest first") List<TimelineEntryView> timeline,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Optimistic-concurrency version", example = "0") long version) {

    @Schema(name = "IncidentTimelineEntry", description = "One entry of an incident's history: a workflow step, "
            + "supervision, or an addition (add-vehicle, add-evidence, add-person, set-money) that leaves the state")
    record TimelineEntryView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "The state after the entry", example = "REPORTED") IncidentState state,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Who did it: the user name (a grid member's or officer's id), a system's client "
                    + "id, or system", example = "gm-li-jianguo")
            String actor,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    example = "2026-11-29T09:41:12.345+08:00") OffsetDateTime at,
            @Schema(example = "Reported in person at a police station") String remark,
            @Schema(example = "dispatch") String action,
            @Schema(description = "Who did it, by display name, on every entry (a system's id serves as its name)",
                    example = "王海") String actorName) {
    }

    @Schema(name = "IncidentReporter", description = "The person who reported the incident. Masked "
            + "(110105********0123, 138****8000) unless the read asked for unmask=true and was allowed to")
    record ReporterView(
            @Schema(example = "李**") String name,
            @Schema(example = "110105********0123") String idNumber,
            @Schema(example = "138****8000") String phone,
            @Schema(example = "宕昌县理川镇****") String address,
            @Schema(description = "true when the values above are masked", example = "true") boolean masked) {

        static ReporterView masked(Incident.Reporter reporter) {
            return reporter == null ? null : new ReporterView(IncidentReporters.masked(reporter.name()),
                    IncidentReporters.masked(reporter.idNumber()), IncidentReporters.masked(reporter.phone()),
                    IncidentReporters.masked(reporter.address()), true);
        }
    }

    @Schema(name = "IncidentDetails", description = "What the handling collected; persons are always masked here")
    record DetailsView(List<CaseDetails.Evidence> evidence,
            @Schema(example = "200000") Long amountInvolvedFen,
            @Schema(example = "200000") Long amountRecoveredFen,
            List<CaseDetails.Vehicle> vehicles, List<PersonView> persons) {

        static DetailsView of(CaseDetails d) {
            if (d == null) {
                return null;
            }
            return new DetailsView(d.evidence, d.amountInvolvedFen, d.amountRecoveredFen, d.vehicles,
                    d.persons.stream().map(p -> new PersonView(p.role(), IncidentReporters.masked(p.name()),
                            IncidentReporters.masked(p.idNumber()), IncidentReporters.masked(p.phone()))).toList());
        }
    }

    @Schema(name = "IncidentPerson", description = "A person involved, masked")
    record PersonView(@Schema(example = "SUSPECT") String role, @Schema(example = "张*") String name,
            @Schema(example = "110105********0123") String idNumber, @Schema(example = "138****8000") String phone) {
    }

    /** The view every response shows unless an unmask was granted: personal data masked. */
    static IncidentView masked(Incident incident) {
        return of(incident, ReporterView.masked(incident.reporter));
    }

    static IncidentView of(Incident incident, ReporterView reporter) {
        return new IncidentView(incident.id, incident.caseNumber, incident.state, incident.source,
                incident.sourceReference, incident.gridCode, incident.villageCode, incident.townshipCode,
                incident.type, incident.subType, incident.urgency, incident.officerId, incident.officerName,
                Times.local(incident.dueAt), incident.flag, incident.supervised, incident.rating,
                IncidentWorkflow.TABLE.actionsFrom(incident.state), incident.description, Location.of(incident.location),
                reporter,
                Times.local(incident.reportedAt), Times.local(incident.createdAt), DetailsView.of(incident.details),
                incident.timeline.stream()
                        .map(e -> new TimelineEntryView(e.state(), e.actor(), Times.local(e.at()), e.remark(),
                                e.action(), e.actorName()))
                        .toList(),
                incident.version == null ? 0 : incident.version);
    }
}
