package org.tanchang.grid.cases.lost;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.platform.time.Times;

/** Responses of lost property: document numbers and the finder's name only masked; notices without personal data. */
final class LostViews {

    private LostViews() {
    }

    record DocumentView(@Schema(example = "ID_CARD") String type, @Schema(example = "110105********0123") String number) {
    }

    @Schema(name = "LostReport")
    record LostReportView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
            String ownerId,
            String areaCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String category,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime lostFrom,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime lostTo,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DocumentView> documents,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String status,
            String matchedFoundItemId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<StepView> timeline) {

        static LostReportView of(LostReport r) {
            return new LostReportView(r.id, r.ownerId, r.areaCode, r.item.category, r.item.description,
                    Times.local(r.item.from), Times.local(r.item.to), LostViews.documents(r.item), r.status.name(),
                    r.matchedFoundItemId, LostViews.timeline(r.timeline));
        }
    }

    @Schema(name = "FoundItem")
    record FoundItemView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    description = "Receipt number for the finder", example = "621223-SW-20261128-1A2B3C4D")
            String receiptNumber,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String areaCode,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String category,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String description,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime foundAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String custodyLocation,
            String finderName,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<DocumentView> documents,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String status,
            String matchedLostReportId,
            FoundItem.Notice notice,
            HandoverView handover,
            FoundItem.Disposal disposal,
            @Schema(description = "When the disposal sweep found the notice period over and the item unclaimed")
            OffsetDateTime disposalDueAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<StepView> timeline) {

        static FoundItemView of(FoundItem f) {
            return new FoundItemView(f.id, f.receiptNumber, f.areaCode, f.item.category, f.item.description,
                    Times.local(f.item.from), f.custodyLocation, f.finderName == null ? null : f.finderName.masked(),
                    LostViews.documents(f.item), f.status.name(), f.matchedLostReportId, f.notice,
                    f.handover == null ? null : HandoverView.of(f.handover), f.disposal,
                    f.disposalDueAt == null ? null : Times.local(f.disposalDueAt), LostViews.timeline(f.timeline));
        }
    }

    @Schema(name = "Handover", description = "The signed handover record")
    record HandoverView(String id, String lostReportId, String ownerId, String proof, String claimantIdNumber,
            String proxyAuthorisationUrl, String signatureSha256, String handedOverBy, OffsetDateTime at) {
        static HandoverView of(FoundItem.Handover h) {
            return new HandoverView(h.id(), h.lostReportId(), h.ownerId(), h.proof(), h.claimantIdNumber().masked(),
                    h.proxyAuthorisationUrl(), h.signatureSha256(), h.handedOverBy(), Times.local(h.at()));
        }
    }

    @Schema(name = "MatchCandidate", description = "A found item that may be the lost one, with why")
    record CandidateView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String foundItemId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String receiptNumber,
            String category,
            String custodyLocation,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "0.93") double score,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<String> reasons) {
        static CandidateView of(MatchScorer.Candidate c) {
            return new CandidateView(c.item().id, c.item().receiptNumber, c.item().item.category,
                    c.item().custodyLocation, c.score(), c.reasons());
        }
    }

    @Schema(name = "LostPropertyNotice", description = "A public notice: no names, numbers or addresses")
    record NoticeView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String receiptNumber,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String category,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String publicDescription,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime foundAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String custodyLocation,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime publishedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime claimUntil) {
        static NoticeView of(FoundItem f) {
            return new NoticeView(f.receiptNumber, f.item.category, f.notice.publicDescription(),
                    Times.local(f.item.from), f.custodyLocation, Times.local(f.notice.publishedAt()),
                    Times.local(f.notice.expiresAt()));
        }
    }

    @Schema(name = "LostPropertyStep", description = "One step of the timeline: who moved it, when and why")
    record StepView(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "match") String action,
            @Schema(example = "IN_CUSTODY") String from,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "MATCHED") String to,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "officer-lichuan-01") String actor,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) OffsetDateTime at,
            @Schema(example = "Matched to lost report lost-8d1f4c7a") String remark) {
    }

    static List<StepView> timeline(List<Step> steps) {
        return steps.stream().map(s -> new StepView(s.action(), s.from(), s.to(), s.actor(), Times.local(s.at()),
                s.remark())).toList();
    }

    static List<DocumentView> documents(LostItem item) {
        return item.documents.stream().map(d -> new DocumentView(d.type(), d.number().masked())).toList();
    }
}
