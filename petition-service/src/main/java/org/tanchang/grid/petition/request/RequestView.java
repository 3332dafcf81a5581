package org.tanchang.grid.petition.request;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.TimeLimit;

@Schema(name = "ServiceRequest", description = "A request at the one window with its state, service level, "
        + "assistance asked of other agencies and, if referred, where it went")
public record RequestView(
        @Schema(requiredMode = REQUIRED, example = "req-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") String id,
        @Schema(requiredMode = REQUIRED, example = "621223-SQ-20261129-00001") String number,
        @Schema(requiredMode = REQUIRED, example = "HR-BIRTH") String itemCode,
        @Schema(requiredMode = REQUIRED, example = "出生登记") String itemName,
        String responsibleUnit,
        @Schema(requiredMode = REQUIRED, example = "WINDOW") Channel channel,
        @Schema(description = "User name of the citizen who submitted it, if signed in") String citizenId,
        @Schema(example = "621223101001001") String gridCode,
        @Schema(description = "The applicant's home township (station area) code", example = "621223101")
        String stationCode,
        @Schema(description = "The area code of the window handling the request (一窗通办: any window of the county)",
                example = "621223101") String windowCode,
        ApplicantView applicant,
        @Schema(description = "Where it is about, if given; the address masked") LocationView location,
        @Schema(requiredMode = REQUIRED) Map<String, String> fields,
        @Schema(requiredMode = REQUIRED) List<String> materials,
        @Schema(requiredMode = REQUIRED, description = "Every required material still missing, all at once")
        List<String> missingMaterials,
        @Schema(requiredMode = REQUIRED, example = "PRECHECKED") RequestState state,
        @Schema(requiredMode = REQUIRED, description = "What can be done next", example = "[\"accept\",\"refer\",\"refuse\",\"request-materials\"]")
        Set<String> allowedActions,
        String refusalReason,
        Integer rating,
        String ratingComment,
        ReferralView referral,
        @Schema(requiredMode = REQUIRED) List<AssistanceView> assistance,
        @Schema(requiredMode = REQUIRED, description = "Agencies whose answer is awaited", example = "[\"waiting for 乌海市公安局新华派出所\"]")
        List<String> waitingFor,
        ServiceLevelView serviceLevel,
        @Schema(requiredMode = REQUIRED) OffsetDateTime submittedAt,
        @Schema(requiredMode = REQUIRED) List<TimelineView> timeline,
        Long version) {

    @Schema(name = "RequestApplicantView", description = "Masked unless unmask=true was granted")
    public record ApplicantView(@Schema(example = "杨*国") String name, @Schema(example = "110105********0123") String idNumber,
            @Schema(example = "138****8000") String phone, boolean masked) {
    }

    @Schema(name = "RequestLocationView")
    public record LocationView(@Schema(example = "宕昌县理川镇杨家村**") String address, Double latitude,
            Double longitude, String mediaUrl) {
    }

    @Schema(name = "RequestReferral", description = "Where the request went; follow it there by sourceReference")
    public record ReferralView(@Schema(example = "MEDIATION") String target, String sourceReference, String reason,
            OffsetDateTime referredAt) {
    }

    @Schema(name = "RequestAssistance")
    public record AssistanceView(String id, String agency, String question, String timeLimit, String state,
            OffsetDateTime askedAt, OffsetDateTime dueAt, DeadlineFlag flag, List<OffsetDateTime> reminders,
            String reply, boolean confirmed, OffsetDateTime repliedAt) {
    }

    @Schema(name = "RequestServiceLevel", description = "First response and completion against the item's promise; "
            + "flag YELLOW at 70% of the time, RED at 100%")
    public record ServiceLevelView(String firstResponseLimit, OffsetDateTime firstResponseDueAt,
            OffsetDateTime firstResponseAt, DeadlineFlag firstResponseFlag, String completionLimit,
            OffsetDateTime completionDueAt, OffsetDateTime completedAt, DeadlineFlag completionFlag) {
    }

    @Schema(name = "RequestTimelineEntry")
    public record TimelineView(RequestState state, String action, String actor, String actorName, OffsetDateTime at,
            String remark) {
    }

    static RequestView of(ServiceRequest r, ApplicantView applicant, Instant now) {
        return new RequestView(r.id, r.number, r.itemCode, r.itemName, r.responsibleUnit, r.channel, r.citizenId,
                r.gridCode, r.stationCode, RequestStore.windowOf(r), applicant, r.location == null ? null : new LocationView(
                        r.location.address() == null ? null : r.location.address().masked(), r.location.latitude(),
                        r.location.longitude(), r.location.mediaUrl()), Map.copyOf(r.fields), List.copyOf(r.materials),
                List.copyOf(r.missingMaterials), r.state, RequestWorkflow.TABLE.actionsFrom(r.state), r.refusalReason,
                r.rating, r.ratingComment, r.referral == null ? null : new ReferralView(r.referral.target(),
                        r.referral.sourceReference(), r.referral.reason(), Times.local(r.referral.referredAt())),
                r.assistance.stream().map(a -> assistance(a, now)).toList(),
                r.assistance.stream().filter(a -> a.state == Assistance.State.ASKED)
                        .map(a -> "waiting for " + a.agency).toList(),
                new ServiceLevelView(r.firstResponseLimit, Times.local(r.firstResponseDueAt),
                        Times.local(r.firstResponseAt), flag(r.submittedAt, r.firstResponseDueAt, r.firstResponseAt, now),
                        r.completionLimit, Times.local(r.completionDueAt), Times.local(r.completedAt),
                        flag(r.submittedAt, r.completionDueAt, r.completedAt, now)),
                Times.local(r.submittedAt), r.timeline.stream().map(t -> new TimelineView(t.state(), t.action(),
                        t.actor(), t.actorName(), Times.local(t.at()), t.remark())).toList(), r.version);
    }

    /**
     * The request as the agency asked by {@code clientId} may see it when it answers: number, item, state and its
     * own questions; nothing of the applicant, the form, the materials, the timeline or other agencies.
     */
    static RequestView forAgency(ServiceRequest r, String clientId, Instant now) {
        List<Assistance> theirs = r.assistance.stream().filter(a -> clientId.equals(a.agencyClientId)).toList();
        return new RequestView(r.id, r.number, r.itemCode, r.itemName, r.responsibleUnit, r.channel, null, null, null,
                RequestStore.windowOf(r), null, null, Map.of(), List.of(), List.of(), r.state, Set.of(), null, null,
                null, null, theirs.stream().map(a -> assistance(a, now)).toList(),
                theirs.stream().filter(a -> a.state == Assistance.State.ASKED).map(a -> "waiting for " + a.agency)
                        .toList(), null, Times.local(r.submittedAt), List.of(), r.version);
    }

    /** The flag at the end of the measure if it ended, else now. */
    static DeadlineFlag flag(Instant start, Instant due, Instant end, Instant now) {
        return start == null || due == null ? null : TimeLimit.flag(start, due, end != null ? end : now);
    }

    static AssistanceView assistance(Assistance a, Instant now) {
        return new AssistanceView(a.id, a.agency, a.question, a.timeLimit, a.state.name(), Times.local(a.askedAt),
                Times.local(a.dueAt), a.state == Assistance.State.ASKED ? flag(a.askedAt, a.dueAt, null, now)
                : flag(a.askedAt, a.dueAt, a.repliedAt, now), a.reminders.stream().map(Times::local).toList(),
                a.reply, a.confirmed, Times.local(a.repliedAt));
    }
}
