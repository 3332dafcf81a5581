package org.tanchang.grid.gridservice.statistics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One rebuild of the statistics, as the administrator follows it; stored so every instance can answer for it. */
@Document("statistics_rebuilds")
record RebuildProgress(
        @Id @Schema(example = "5f0c6a1e-0b7e-4a43-9a43-3f2b8f1f9a10") String id,
        @Schema(description = "REPLAYING the topics into fresh collections, PROMOTING them to live, then DONE "
                + "(or FAILED)") State state,
        String requestedBy,
        Instant startedAt,
        Instant updatedAt,
        Instant finishedAt,
        @Schema(description = "Records to replay, known once the replay has read the topics' end offsets")
        Long recordsTotal,
        long recordsRead,
        @Schema(description = "Records applied after the promotion (the ones that arrived during the rebuild)")
        long recordsCaughtUp,
        String error) {

    enum State { REPLAYING, PROMOTING, DONE, FAILED }

    boolean running() {
        return state == State.REPLAYING || state == State.PROMOTING;
    }

    RebuildProgress with(State next, Instant at) {
        return new RebuildProgress(id, next, requestedBy, startedAt, at,
                next == State.DONE || next == State.FAILED ? at : null, recordsTotal, recordsRead, recordsCaughtUp,
                error);
    }

    RebuildProgress counted(Long total, long read, long caughtUp, Instant at) {
        return new RebuildProgress(id, state, requestedBy, startedAt, at, finishedAt, total, read, caughtUp, error);
    }

    RebuildProgress failed(String why, Instant at) {
        return new RebuildProgress(id, State.FAILED, requestedBy, startedAt, at, at, recordsTotal, recordsRead,
                recordsCaughtUp, why);
    }
}
