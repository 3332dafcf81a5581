package org.tanchang.grid.petition.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.petition.RequestRated;
import org.tanchang.grid.contracts.petition.RequestReferred;
import org.tanchang.grid.petition.catalogue.Catalogue;
import org.tanchang.grid.petition.catalogue.CatalogueItem;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Effect;
import org.tanchang.grid.platform.workflow.Steps;

/**
 * The steps of a request on the platform's step engine ({@link RequestWorkflow} is the table and the bookkeeping):
 * each step here is only what it checks and changes, as a plain function of the request.
 */
@Service
class RequestSteps {

    private final RequestStore store;
    private final Catalogue catalogue;
    private final Outbox outbox;
    private final Steps steps;
    private final RequestWorkflow workflow;

    RequestSteps(RequestStore store, Catalogue catalogue, Outbox outbox, Steps steps, RequestWorkflow workflow) {
        this.store = store;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.steps = steps;
        this.workflow = workflow;
    }

    ServiceRequest precheck(Caller caller, String id, String remark) {
        return step(caller, id, "precheck", remark, (r, s) -> r.missingMaterials = item(r).missing(r.materials));
    }

    /** Lists every missing material at once, so the citizen comes back one time, not once per material. */
    ServiceRequest requestMaterials(Caller caller, String id, String remark) {
        return step(caller, id, "request-materials", remark, (r, s) -> {
            List<String> missing = item(r).missing(r.materials);
            if (missing.isEmpty()) {
                throw ProblemException.conflict("Nothing is missing: accept the request instead",
                        Map.of("state", r.state.name()));
            }
            r.missingMaterials = missing;
        });
    }

    ServiceRequest resubmit(Caller caller, String id, StepBodies.Materials body) {
        return step(caller, id, "resubmit", body.remark(), (r, s) -> {
            CatalogueItem item = item(r);
            List<FieldError> unknown = body.materials().stream().filter(m -> !item.requiredMaterials().contains(m))
                    .map(m -> new FieldError("materials", "'" + m + "' is not a material of " + item.code())).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.invalid(unknown);
            }
            List<String> all = new ArrayList<>(r.materials);
            body.materials().stream().filter(m -> !all.contains(m)).forEach(all::add);
            r.materials = all;
            r.missingMaterials = item.missing(all);
        });
    }

    ServiceRequest accept(Caller caller, String id, String remark) {
        return step(caller, id, "accept", remark, (r, s) -> {
            List<String> missing = item(r).missing(r.materials);
            if (!missing.isEmpty()) {
                throw ProblemException.conflict("Materials are missing: " + String.join("、", missing),
                        Map.of("state", r.state.name(), "missingMaterials", missing));
            }
        });
    }

    ServiceRequest start(Caller caller, String id, String remark) {
        return step(caller, id, "start", remark, Effect.none());
    }

    ServiceRequest complete(Caller caller, String id, String remark) {
        return step(caller, id, "complete", remark, (r, s) -> r.completedAt = s.at());
    }

    ServiceRequest refuse(Caller caller, String id, String reason) {
        return step(caller, id, "refuse", reason, (r, s) -> {
            r.completedAt = s.at();
            r.refusalReason = reason;
        });
    }

    ServiceRequest close(Caller caller, String id, String remark) {
        return step(caller, id, "close", remark, Effect.none());
    }

    ServiceRequest rate(Caller caller, String id, StepBodies.Rating rating) {
        return step(caller, id, "rate", rating.comment(), (r, s) -> {
            if (r.citizenId == null || !r.citizenId.equals(caller.subject())) {
                throw ProblemException.forbidden("Only the citizen who submitted the request rates it");
            }
            r.rating = rating.score();
            r.ratingComment = rating.comment();
            r.outbox.add(outbox.event(RequestRated.TYPE, r.id, new RequestRated(r.id, r.number, r.itemCode,
                    RequestStore.stationOf(r), r.gridCode, rating.score(), Times.local(s.at()))));
        });
    }

    /** A dispute goes to mediation-service, a crime to case-service; both open their matter from the event. */
    ServiceRequest refer(Caller caller, String id, StepBodies.Referral body) {
        return step(caller, id, "refer", body.reason(), (r, s) -> {
            r.referral = new ServiceRequest.Referral(body.target(), r.id, body.reason(), s.at());
            r.completedAt = s.at();
            String description = r.itemName + "：" + body.reason()
                    + (r.timeline.isEmpty() || r.timeline.get(0).remark() == null ? "" : "；" + r.timeline.get(0).remark());
            // the position, not the address: the receiving service places its matter on its own grid map
            GeoPoint where = r.location == null || r.location.latitude() == null || r.location.longitude() == null
                    ? null : new GeoPoint(r.location.longitude(), r.location.latitude());
            r.outbox.add(outbox.event(RequestReferred.TYPE, r.id, new RequestReferred(r.id, r.number, body.target(),
                    r.gridCode, FreeText.scrub(description), where, r.citizenId, Times.local(s.at()))));
        });
    }

    private ServiceRequest step(Caller caller, String id, String action, String remark,
            Effect<ServiceRequest, RequestState> effect) {
        return steps.take(workflow, store.getToAct(caller, id), caller, action, remark, effect);
    }

    private CatalogueItem item(ServiceRequest r) {
        return catalogue.find(r.itemCode).orElseThrow(() -> new IllegalStateException("item " + r.itemCode + " vanished"));
    }
}
