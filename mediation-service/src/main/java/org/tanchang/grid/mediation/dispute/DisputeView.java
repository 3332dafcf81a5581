package org.tanchang.grid.mediation.dispute;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.web.Times;

/** A dispute as the API shows it. */
@Schema(name = "Dispute", description = "A dispute between residents taken up for mediation (矛盾纠纷)")
record DisputeView(
        @Schema(description = "Opaque id; for a patrol finding it is derived from report and finding",
                example = "patrol-pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c-0") String id,
        @Schema(description = "15-digit code of the grid the dispute is in", example = "621223101001001") String gridCode,
        @Schema(description = "Where the dispute came from", example = "PATROL_FINDING") DisputeSource source,
        @Schema(description = "Id of the thing in the source, e.g. the patrol report",
                example = "pr-5c1e0b7a9d2f4e6a8b3c1d0e9f7a6b5c") String sourceReference,
        @Schema(description = "Index of the finding in the patrol report, for patrol findings", example = "0",
                nullable = true) Integer patrolFindingIndex,
        @Schema(description = "What happened, as reported", example = "牧民的牛群踩踏了杨家村十余户药农的覆膜药苗，药农要求赔偿")
        String description,
        @Schema(description = "Where it happened (WGS 84), if reported", nullable = true) GeoPoint location,
        @Schema(description = "Step of the mediation procedure", example = "APPLIED") DisputeState state,
        @Schema(description = "When mediation-service opened the dispute, county time",
                example = "2026-05-12T00:31:05+08:00") OffsetDateTime openedAt,
        @Schema(description = "Version for optimistic concurrency", example = "0") Long version) {

    static DisputeView of(Dispute d) {
        return new DisputeView(d.id, d.gridCode, d.source, d.sourceReference, d.patrolFindingIndex, d.description,
                d.location, d.state, Times.local(d.openedAt), d.version);
    }
}
