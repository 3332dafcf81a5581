package org.tanchang.grid.cases.hazard;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.personaldata.ProtectedValue;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Deadline;

/** A hazard as the API shows it: times in county time, the responsible party masked, the running limit's flag. */
@Schema(name = "Hazard")
record HazardView(
        @Schema(example = "hzd-3f0c2a9e-5b7d-4c1e-9a43-2f1d7c8e6b01") String id,
        HazardState state,
        HazardKind kind,
        RiskLevel riskLevel,
        @Schema(description = "Who answers for it now: GRID, TOWNSHIP or COUNTY") HazardLevel level,
        @Schema(example = "621223101001001") String gridCode,
        GeoPoint location,
        String description,
        HazardSource source,
        @Schema(description = "For a patrol finding: the patrol report's id") String sourceReference,
        @Schema(description = "Who must remove it, masked") PartyView responsibleParty,
        String officerId,
        String officerName,
        String memberId,
        String memberName,
        OrderView rectificationOrder,
        @Schema(description = "How often a re-inspection found it not removed") int reopenCount,
        @Schema(description = "The running time limit; null when closed or dismissed") DeadlineView deadline,
        OffsetDateTime reportedAt,
        List<EntryView> timeline) {

    @Schema(name = "HazardResponsiblePartyView")
    record PartyView(@Schema(example = "王*国") String name, @Schema(example = "138****8000") String phone) {
    }

    @Schema(name = "HazardRectificationOrderView")
    record OrderView(String measures, String orderedBy, String orderedByName, OffsetDateTime orderedAt) {
    }

    @Schema(name = "HazardDeadlineView", description = "step: ordering, rectification or reinspection; flag: null "
            + "(green), YELLOW (70% used) or RED (overdue)")
    record DeadlineView(String step, String limit, OffsetDateTime dueAt, DeadlineFlag flag) {
    }

    @Schema(name = "HazardTimelineEntry")
    record EntryView(String action, HazardState state, HazardLevel level, String actor, String actorName,
            OffsetDateTime at, String remark) {
    }

    static HazardView of(Hazard h) {
        return new HazardView(h.id, h.state, h.kind, h.riskLevel, h.level, h.gridCode, h.location, h.description,
                h.source, h.sourceReference, party(h.responsibleParty), h.officerId, h.officerName, h.memberId,
                h.memberName, order(h.order), h.reopenCount, deadline(h.deadline), local(h.reportedAt),
                h.timeline.stream().map(e -> new EntryView(e.action(), e.state(), e.level(), e.actor(),
                        e.actorName(), local(e.at()), e.remark())).toList());
    }

    private static PartyView party(Hazard.ResponsibleParty party) {
        return party == null ? null : new PartyView(masked(party.name()), masked(party.phone()));
    }

    private static OrderView order(Hazard.Order order) {
        return order == null ? null : new OrderView(order.measures(), order.orderedBy(), order.orderedByName(),
                local(order.orderedAt()));
    }

    private static DeadlineView deadline(Deadline d) {
        return d == null ? null : new DeadlineView(d.step(), d.limit(), local(d.dueAt()), d.raised());
    }

    private static String masked(ProtectedValue value) {
        return value == null ? null : value.masked();
    }

    private static OffsetDateTime local(Instant at) {
        return at == null ? null : Times.local(at);
    }
}
