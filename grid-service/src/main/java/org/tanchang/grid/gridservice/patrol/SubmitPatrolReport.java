package org.tanchang.grid.gridservice.patrol;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.platform.problem.FieldError;

/**
 * What a grid member's app sends. Separate from the stored document so no client can set server-owned fields; who
 * patrolled is not among them either: that is the signed-in person ({@code Caller}), so nobody files a report in
 * another member's name.
 */
@Schema(description = "A patrol report as submitted by a grid member's app; the member is the signed-in user")
record SubmitPatrolReport(
        @Schema(description = "15-digit code of the grid patrolled", example = "621223101001001")
        @NotNull @Pattern(regexp = "\\d{15}", message = "must be a 15-digit grid code") String gridCode,
        @Schema(example = "2026-01-04T09:00:00+08:00") @NotNull OffsetDateTime startedAt,
        @Schema(example = "2026-01-04T11:30:00+08:00") @NotNull OffsetDateTime endedAt,
        @Size(max = 50) List<@Valid @NotNull FindingInput> findings,
        @Schema(description = "The route walked, as recorded by the app (personal data: stored encrypted, shown "
                + "only unmasked and audited)")
        @Size(max = MAX_TRACK_POINTS) List<@Valid @NotNull TrackPointInput> track) {

    /** Keeps a report with its track (and the track's ciphertext) far below the 1 MB request limit. */
    static final int MAX_TRACK_POINTS = 2000;

    @Schema(description = "Something found on the patrol")
    record FindingInput(
            @Schema(example = "DISPUTE") @NotNull FindingKind kind,
            @Schema(example = "牧民的牛群踩踏了十余户药农的覆膜药苗") @NotBlank @Size(max = 1000) String description,
            @Valid Location location,
            @ArraySchema(arraySchema = @Schema(description = "Photos already uploaded, as URLs",
                    example = "[\"https://files.tanchang.example/p/1.jpg\"]"))
            @Size(max = 10) List<@NotNull @Pattern(regexp = "https?://\\S{1,500}", message = "must be an http(s) URL")
                    String> photoUrls,
            @ArraySchema(arraySchema = @Schema(
                    description = "The parties or people concerned, as the member wrote them",
                    example = "[\"李某\"]"))
            @Size(max = 20) List<@NotBlank @Size(max = 50) String> peopleConcerned,
            @Schema(description = "Only on a DISPUTE finding (400 on any other kind): what the member knows of the "
                    + "dispute, so mediation opens it with its type, risk and parties instead of OTHER / MEDIUM and "
                    + "no parties")
            @Valid DisputeInput dispute) {

        List<String> photoUrlsOrEmpty() {
            return photoUrls == null ? List.of() : photoUrls;
        }

        List<String> peopleConcernedOrEmpty() {
            return peopleConcerned == null ? List.of() : peopleConcerned;
        }
    }

    @Schema(description = "The dispute as the member sees it in the field. Names only: ID and phone numbers are "
            + "taken by the mediator, never here", example = CATTLE_CASE)
    record DisputeInput(
            @Schema(description = "What the dispute is about; OTHER when unclear", example = "LIVESTOCK_DAMAGE")
            FindingDispute.Type type,
            @Schema(description = "How likely it turns violent or into a mass incident; HIGH goes to the township at "
                    + "once", example = "MEDIUM") FindingDispute.RiskLevel riskLevel,
            @Schema(description = "The parties: applicants, respondents and third parties by name")
            @Size(max = FindingDispute.MAX_PARTIES) List<@Valid @NotNull PartyInput> parties) {

        List<PartyInput> partiesOrEmpty() {
            return parties == null ? List.of() : parties;
        }
    }

    @Schema(description = "A party to the dispute, by name (masked when the report is read)")
    record PartyInput(
            @Schema(example = "PERSON") @NotNull FindingParty.Kind kind,
            @Schema(example = "APPLICANT") @NotNull FindingParty.Role role,
            @Schema(example = "杨某某") @NotBlank @Size(max = FindingParty.MAX_NAME) String name,
            @Schema(description = "What the party claims", example = "赔偿被踩踏的覆膜药苗损失")
            @Size(max = FindingParty.MAX_CLAIMS) String claims,
            @Schema(description = "The grid the party's household is in, when another than the report's (the herder "
                    + "from the next village): the dispute then spans that grid too", example = "621223101002001")
            @Pattern(regexp = "\\d{15}") String gridCode) {
    }

    /** The seed's cattle case of 4 January, as the OpenAPI example of a finding's dispute part. */
    static final String CATTLE_CASE = """
            {"type":"LIVESTOCK_DAMAGE","riskLevel":"MEDIUM","parties":[
             {"kind":"PERSON","role":"APPLICANT","name":"杨某一","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"杨某二","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"杨某三","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"杨某四","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"杨某五","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"杨某六","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"李某一","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"李某二","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"李某三","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"王某一","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"王某二","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"APPLICANT","name":"王某三","claims":"赔偿被踩踏的覆膜药苗损失"},
             {"kind":"PERSON","role":"RESPONDENT","name":"马某"}]}""";

    @Schema(description = "WGS 84 position")
    record Location(
            @Schema(example = "104.392") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(example = "34.047") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude) {
    }

    @Schema(description = "A position of the patrol route at a moment (WGS 84)")
    record TrackPointInput(
            @Schema(example = "104.392") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(example = "34.047") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Schema(example = "2026-01-04T09:05:00+08:00") @NotNull OffsetDateTime at) {
    }

    @AssertTrue(message = "endedAt must not be before startedAt")
    @Schema(hidden = true)
    boolean isChronological() {
        return startedAt == null || endedAt == null || !endedAt.isBefore(startedAt);
    }

    /**
     * The dispute part belongs to DISPUTE findings only: on another kind nobody would take it up, so it is refused
     * rather than silently dropped. Checked after bean validation, before anything is stored.
     */
    List<FieldError> misplacedDisputes() {
        List<FieldError> errors = new ArrayList<>();
        List<FindingInput> all = findingsOrEmpty();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).dispute() != null && all.get(i).kind() != FindingKind.DISPUTE) {
                errors.add(new FieldError("findings[" + i + "].dispute", "is allowed only on a DISPUTE finding"));
            }
        }
        return errors;
    }

    List<FindingInput> findingsOrEmpty() {
        return findings == null ? List.of() : findings;
    }

    List<TrackPointInput> trackOrEmpty() {
        return track == null ? List.of() : track;
    }
}
