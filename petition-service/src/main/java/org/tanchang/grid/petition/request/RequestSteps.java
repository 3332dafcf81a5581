package org.tanchang.grid.petition.request;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.petition.RequestRated;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/** The workflow steps of a request: each checks the table, records the step and publishes, in one write. */
@Service
class RequestSteps {

    /** Any of these as the first staff step is the window's first response. */
    private static final Set<String> RESPONSES = Set.of("precheck", "refer", "refuse");

    /** What a step adds to the common write: extra fields, the reason and missing materials for the event. */
    static final class Step {
        final ServiceRequest request;
        final Update update;
        final Instant now;
        final List<OutboxEvent> events = new ArrayList<>();
        String reason;
        List<String> missing;

        Step(ServiceRequest request, Update update, Instant now) {
            this.request = request;
            this.update = update;
            this.now = now;
        }
    }

    private final RequestStore store;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final Clock clock;

    RequestSteps(RequestStore store, Catalogue catalogue, Outbox outbox, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.clock = clock;
    }

    ServiceRequest precheck(Caller caller, String id, String remark) {
        return step(caller, id, "precheck", remark, s -> {
            List<String> missing = item(s.request).missing(s.request.materials);
            s.update.set("missingMaterials", missing);
            s.missing = missing;
        });
    }

    /** Lists every missing material at once, so the citizen comes back one time, not once per material. */
    ServiceRequest requestMaterials(Caller caller, String id, String remark) {
        return step(caller, id, "request-materials", remark, s -> {
            List<String> missing = item(s.request).missing(s.request.materials);
            if (missing.isEmpty()) {
                throw ProblemException.conflict("Nothing is missing: accept the request instead",
                        Map.of("state", s.request.state.name()));
            }
            s.update.set("missingMaterials", missing);
            s.missing = missing;
        });
    }

    ServiceRequest resubmit(Caller caller, String id, StepBodies.Materials body) {
        return step(caller, id, "resubmit", body.remark(), s -> {
            CatalogueItem item = item(s.request);
            List<FieldError> unknown = body.materials().stream().filter(m -> !item.requiredMaterials().contains(m))
                    .map(m -> new FieldError("materials", "'" + m + "' is not a material of " + item.code())).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(unknown);
            }
            List<String> all = new ArrayList<>(s.request.materials);
            body.materials().stream().filter(m -> !all.contains(m)).forEach(all::add);
            List<String> missing = item.missing(all);
            s.update.set("materials", all).set("missingMaterials", missing);
            s.missing = missing;
        });
    }

    ServiceRequest accept(Caller caller, String id, String remark) {
        return step(caller, id, "accept", remark, s -> {
            List<String> missing = item(s.request).missing(s.request.materials);
            if (!missing.isEmpty()) {
                throw ProblemException.conflict("Materials are missing: " + String.join("、", missing),
                        Map.of("state", s.request.state.name(), "missingMaterials", missing));
            }
        });
    }

    ServiceRequest start(Caller caller, String id, String remark) {
        return step(caller, id, "start", remark, s -> { });
    }

    ServiceRequest complete(Caller caller, String id, String remark) {
        return step(caller, id, "complete", remark, s -> s.update.set("completedAt", s.now));
    }

    ServiceRequest refuse(Caller caller, String id, String reason) {
        return step(caller, id, "refuse", reason, s -> {
            s.update.set("completedAt", s.now).set("refusalReason", reason);
            s.reason = reason;
        });
    }

    ServiceRequest close(Caller caller, String id, String remark) {
        return step(caller, id, "close", remark, s -> { });
    }

    ServiceRequest rate(Caller caller, String id, StepBodies.Rating rating) {
        return step(caller, id, "rate", rating.comment(), s -> {
            ServiceRequest r = s.request;
            if (r.citizenId == null || !r.citizenId.equals(caller.subject())) {
                throw ProblemException.forbidden("Only the citizen who submitted the request rates it");
            }
            s.update.set("rating", rating.score()).set("ratingComment", rating.comment());
            s.events.add(outbox.event(RequestRated.TYPE, r.id, new RequestRated(r.id, r.number, r.itemCode,
                    RequestStore.stationOf(r), r.gridCode, rating.score(), Times.local(s.now))));
        });
    }

    /** A dispute goes to mediation-service, a crime to case-service; both open their matter from the event. */
    ServiceRequest refer(Caller caller, String id, StepBodies.Referral body) {
        return step(caller, id, "refer", body.reason(), s -> {
            ServiceRequest r = s.request;
            s.update.set("referral", new ServiceRequest.Referral(body.target(), r.id, body.reason(), s.now))
                    .set("completedAt", s.now);
            s.reason = body.reason();
            String description = r.itemName + "：" + body.reason()
                    + (r.timeline.isEmpty() || r.timeline.get(0).remark() == null ? "" : "；" + r.timeline.get(0).remark());
            // the position, not the address: the receiving service places its matter on its own grid map
            GeoPoint where = r.location == null || r.location.latitude() == null || r.location.longitude() == null
                    ? null : new GeoPoint(r.location.longitude(), r.location.latitude());
            s.events.add(outbox.event(RequestReferred.TYPE, r.id, new RequestReferred(r.id, r.number, body.target(),
                    r.gridCode, FreeText.scrub(description), where, r.citizenId, Times.local(s.now))));
        });
    }

    private ServiceRequest step(Caller caller, String id, String action, String remark, Consumer<Step> effect) {
        ServiceRequest r = store.getToAct(caller, id);
        RequestState to = RequestState.WORKFLOW.next(r.state, action);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Step step = new Step(r, new Update().set("state", to), now);
        effect.accept(step);
        if (r.firstResponseAt == null && RESPONSES.contains(action)) {
            step.update.set("firstResponseAt", now);
        }
        step.update.push("timeline", new ServiceRequest.TimelineEntry(to, action, caller.subject(), caller.name(), now,
                remark));
        List<OutboxEvent> events = new ArrayList<>();
        events.add(outbox.event(RequestStateChanged.TYPE, r.id, new RequestStateChanged(r.id, r.number, r.itemCode,
                r.citizenId, RequestStore.stationOf(r), r.state.name(), to.name(), caller.subject(), Times.local(now),
                FreeText.scrub(step.reason), step.missing)));
        events.addAll(step.events);
        return store.update(r, step.update, events);
    }

    private CatalogueItem item(ServiceRequest r) {
        return catalogue.find(r.itemCode).orElseThrow(() -> new IllegalStateException("item " + r.itemCode + " vanished"));
    }
}
