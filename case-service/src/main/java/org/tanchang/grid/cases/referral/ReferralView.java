package org.tanchang.grid.cases.referral;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.platform.time.Times;

@Schema(name = "Referral", description = "A matter referred to an outside agency, its receipt, deadline and reply")
record ReferralView(
        @Schema(example = "ref-4b1f0c2d9e8a") String id,
        @Schema(example = "INCIDENT") String matterType,
        @Schema(example = "inc-2f6c1d0a") String matterId,
        @Schema(example = "621223101001001") String gridCode,
        @Schema(example = "lichuan-market") String agencyCode,
        @Schema(example = "宕昌县市场监督管理局理川所") String agencyName,
        @Schema(example = "WEBHOOK") String delivery,
        @Schema(example = "请派员联合执法检查并告知处理结果") String question,
        List<String> attachmentIds,
        @Schema(example = "SENT") String state,
        @Schema(description = "When the reply is due, on the work calendar") OffsetDateTime dueAt,
        @Schema(description = "YELLOW when the deadline is near, RED when overdue, else null") String flag,
        @Schema(example = "officer-lichuan") String referredBy,
        OffsetDateTime createdAt,
        RecordView receipt,
        RecordView answer,
        List<TimelineEntryView> timeline) {

    record RecordView(@Schema(example = "agency-lichuan-market") String by, String byName,
            @Schema(description = "Whether the agency recorded it itself (else an officer on its behalf)")
            boolean byAgency, OffsetDateTime at, String text, String reference) {

        static RecordView of(Referral.Record r) {
            return r == null ? null : new RecordView(r.by(), r.byName(), r.byAgency(), Times.local(r.at()), r.text(),
                    r.reference());
        }
    }

    record TimelineEntryView(@Schema(example = "receive") String action, String from, String to, String by,
            String byName, OffsetDateTime at, String remark) {
    }

    static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.matter.type().name(), r.matter.id(), r.matter.gridCode(), r.agencyCode,
                r.agencyName, r.delivery.name(), r.question, List.copyOf(r.attachmentIds), r.state.name(),
                r.deadline == null ? null : Times.local(r.deadline.dueAt()),
                r.deadline == null || r.deadline.raised() == null ? null : r.deadline.raised().name(), r.referredBy,
                Times.local(r.createdAt), RecordView.of(r.receipt), RecordView.of(r.answer),
                r.timeline.stream().map(t -> new TimelineEntryView(t.action(), t.from() == null ? null
                        : t.from().name(), t.to().name(), t.by(), t.byName(), Times.local(t.at()), t.remark()))
                        .toList());
    }
}
