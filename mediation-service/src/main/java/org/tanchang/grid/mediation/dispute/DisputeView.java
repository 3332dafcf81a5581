package org.tanchang.grid.mediation.dispute;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.BiFunction;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.personaldata.ProtectedValue;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.TimeLimit;

/** A dispute as the API shows it. */
@Schema(name = "Dispute", description = "A dispute between residents taken up for mediation (矛盾纠纷)")
record DisputeView(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Opaque id; for a patrol finding it is derived from report and finding",
                example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0") String id,
        @Schema(description = "15-digit code of the grid the dispute is in", example = "621223101001001") String gridCode,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Other grids the dispute spans (parties' home grids, added by a mediator); their people "
                + "see it too", example = "[\"621223101002001\"]") List<String> otherGridCodes,
        @Schema(example = "LIVESTOCK_DAMAGE") DisputeType type,
        @Schema(description = "Where the dispute came from", example = "PATROL_FINDING") DisputeSource source,
        @Schema(description = "Id of the thing in the source, e.g. the patrol report",
                example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c") String sourceReference,
        @Schema(description = "Index of the finding in the patrol report, for patrol findings", example = "0",
                nullable = true) Integer patrolFindingIndex,
        @Schema(description = "What happened, as reported", example = "牧民的牛群踩踏了杨家村十余户药农的覆膜药苗，药农要求赔偿")
        String description,
        @Schema(description = "Where it happened (WGS 84), if reported", nullable = true) GeoPoint location,
        @Schema(example = "MEDIUM") RiskLevel riskLevel,
        @Schema(description = "Who mediates now", example = "GRID") MediationLevel level,
        @Schema(description = "The mediators of that level on the roster when it was reached",
                example = "[\"mediator-lichuan-01\"]") List<String> mediatorIds,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Step of the mediation procedure", example = "APPLIED") DisputeState state,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "What the current state allows, e.g. [accept, add-parties, decline]")
        List<String> allowedActions,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PartyView> parties,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<SessionView> sessions,
        @Schema(nullable = true) AgreementView agreement,
        @Schema(nullable = true, example = "被申请人明确拒绝调解") String declineReason,
        @Schema(nullable = true) Parts.Termination termination,
        @Schema(nullable = true) Parts.Confirmation confirmation,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Parties not to be visited, with the recorded reason") List<Parts.VisitExcuse> visitExcuses,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Supervision (督办), oldest first") List<Parts.Supervision> supervisions,
        @Schema(description = "The running time limit, with its flag; null when no step is timed", nullable = true)
        DeadlineView deadline,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<TimelineView> timeline,
        @Schema(description = "When mediation-service opened the dispute, county time",
                example = "2026-05-12T00:31:05+08:00") OffsetDateTime openedAt,
        @Schema(description = "Version for optimistic concurrency", example = "0") Long version) {

    @Schema(name = "DisputeParty")
    record PartyView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0") int index,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PartyKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PartyRole role,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "杨某某") String name,
            @Schema(description = "Masked unless unmask=true was granted", example = "110105********0029")
            String idNumber,
            @Schema(description = "Masked unless unmask=true was granted", example = "138****8000") String phone,
            @Schema(example = "赔偿被踩踏的覆膜当归苗损失 1200 元") String claims) {
    }

    @Schema(name = "MediationSession")
    record SessionView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) int index,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate heldOn, String place,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> mediatorIds,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MediationMethod method,
            String notes, String recordedBy) {
    }

    @Schema(name = "AgreementView")
    record AgreementView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "agreement-1") String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate signedOn, LocalDate effectiveOn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "1440000") long totalAmountFen,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "7") int performedCount,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Parts.Term> terms) {
    }

    @Schema(name = "DisputeDeadline")
    record DeadlineView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "acceptance") String step,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3WD") String limit,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime startedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime dueAt,
            @Schema(description = "YELLOW from 70% of the time, RED when due; null while green", nullable = true)
            DeadlineFlag flag) {
    }

    @Schema(name = "DisputeTimelineEntry")
    record TimelineView(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "accept") String action,
            @Schema(description = "The state before; null for the opening step", nullable = true) DisputeState from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) DisputeState to,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "mediator-621223101") String actorId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String actorName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime at,
            @Schema(nullable = true) String remark) {

        static TimelineView of(Parts.TimelineEntry t) {
            // entries written by the service itself (escalation, a dispute opened from an event) have no display
            // name: their actor's id serves as one, so every entry names its actor the same way
            return new TimelineView(t.action(), t.from(), t.to(), t.actorId(),
                    t.actorName() == null ? t.actorId() : t.actorName(), Times.local(t.at()), t.remark());
        }
    }

    /** {@code shown} decides per value (given its context) between the mask and the clear text (after the disclosure check). */
    static DisputeView of(Dispute d, BiFunction<String, ProtectedValue, String> shown, Instant now) {
        List<PartyView> parties = d.parties.stream().map(p -> new PartyView(p.index(), p.kind(), p.role(), p.name(),
                shown.apply(DisputeParties.ID_NUMBER, p.idNumber()),
                shown.apply(DisputeParties.PHONE, p.phone()), p.claims())).toList();
        List<SessionView> sessions = d.sessions.stream().map(s -> new SessionView(s.index(), s.heldOn(), s.place(),
                s.mediatorIds(), s.method(), s.notes(), s.recordedBy())).toList();
        AgreementView agreement = d.agreement == null ? null : new AgreementView(d.agreement.id(),
                d.agreement.signedOn(), d.agreement.effectiveOn(),
                d.agreement.terms().stream().mapToLong(Parts.Term::amountFen).sum(),
                (int) d.agreement.terms().stream().filter(t -> t.performedOn() != null).count(), d.agreement.terms());
        DeadlineView deadline = d.deadline == null ? null : new DeadlineView(d.deadline.step(), d.deadline.limit(),
                Times.local(d.deadline.startedAt()), Times.local(d.deadline.dueAt()),
                TimeLimit.flag(d.deadline.startedAt(), d.deadline.dueAt(), now));
        List<TimelineView> timeline = d.timeline.stream().map(TimelineView::of).toList();
        return new DisputeView(d.id, d.gridCode, List.copyOf(d.otherGridCodes), d.type, d.source, d.sourceReference, d.patrolFindingIndex,
                d.description, d.location, d.riskLevel, d.level, d.mediatorIds, d.state,
                List.copyOf(DisputeWorkflow.TABLE.actionsFrom(d.state)), parties, sessions, agreement,
                d.declineReason, d.termination, d.confirmation, List.copyOf(d.visitExcuses),
                List.copyOf(d.supervisions), deadline, timeline, Times.local(d.openedAt),
                d.version);
    }
}

