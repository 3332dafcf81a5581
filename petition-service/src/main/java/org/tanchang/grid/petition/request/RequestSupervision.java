package org.tanchang.grid.petition.request;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.petition.RequestSupervised;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.VersionedWrites;

/**
 * Supervision (督办) of a request still open: not a step, so the state and its promises stay. Recorded in the timeline
 * and published as RequestSupervised in the same write, so the handler and the station's supervisors are told.
 */
@Service
class RequestSupervision {

    @Schema(name = "SuperviseRequest", description = "Supervision (督办): why, and optionally by which county day")
    record Body(@Schema(example = "超时未办结，请两日内办结") @NotBlank @Size(max = 500) String reason,
            @Schema(description = "The day by which progress is expected; today or later", example = "2026-05-14")
            LocalDate deadline) {
    }

    private final RequestStore store;
    private final VersionedWrites writes;
    private final Outbox outbox;
    private final Clock clock;

    RequestSupervision(RequestStore store, VersionedWrites writes, Outbox outbox, Clock clock) {
        this.store = store;
        this.writes = writes;
        this.outbox = outbox;
        this.clock = clock;
    }

    ServiceRequest supervise(Caller caller, String id, Body body) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (body.deadline() != null && body.deadline().isBefore(LocalDate.ofInstant(now, Times.COUNTY_ZONE))) {
            throw ProblemException.invalid(List.of(new FieldError("deadline", "must be today or later")));
        }
        ServiceRequest r = store.get(caller, id);
        if (!RequestState.OPEN.contains(r.state)) {
            throw ProblemException.conflict("Request " + r.number + " is " + r.state + "; only open requests are "
                    + "supervised", Map.of("state", r.state.name()));
        }
        VersionedWrites.Snapshot read = writes.read(r);
        String remark = "督办: " + body.reason() + (body.deadline() == null ? "" : " (by " + body.deadline() + ")");
        // the handler is whoever took the last step before this supervision
        r.outbox.add(outbox.event(RequestSupervised.TYPE, r.id, new RequestSupervised(r.id, r.number, r.itemCode,
                r.stationCode, r.state.name(), RequestDeadlines.lastActor(r), caller.subject(), caller.name(),
                FreeText.scrub(body.reason()), body.deadline(), Times.local(now))));
        r.timeline.add(new ServiceRequest.TimelineEntry(r.state, "supervise", caller.subject(), caller.name(), now,
                remark));
        writes.write(r, read);
        return r;
    }
}
