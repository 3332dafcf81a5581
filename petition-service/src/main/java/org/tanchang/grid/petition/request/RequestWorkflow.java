package org.tanchang.grid.petition.request;

import static org.tanchang.grid.petition.request.RequestState.ACCEPTED;
import static org.tanchang.grid.petition.request.RequestState.CLOSED;
import static org.tanchang.grid.petition.request.RequestState.COMPLETED;
import static org.tanchang.grid.petition.request.RequestState.INCOMPLETE;
import static org.tanchang.grid.petition.request.RequestState.IN_PROCESS;
import static org.tanchang.grid.petition.request.RequestState.PRECHECKED;
import static org.tanchang.grid.petition.request.RequestState.RATED;
import static org.tanchang.grid.petition.request.RequestState.REFERRED;
import static org.tanchang.grid.petition.request.RequestState.REFUSED;
import static org.tanchang.grid.petition.request.RequestState.SUBMITTED;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.petition.RequestStateChanged;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.security.Roles;
import org.tanchang.grid.platform.time.Times;
import org.tanchang.grid.platform.workflow.Procedure;
import org.tanchang.grid.platform.workflow.Step;
import org.tanchang.grid.platform.workflow.Workflow;

/**
 * A request at the one window, as a table. The first staff step (precheck, refer or refuse) is the window's first
 * response; completion is measured to COMPLETED or REFUSED. INCOMPLETE lists every missing material at once and goes
 * back to PRECHECKED when the citizen brings them. A request that is really a dispute or a crime is REFERRED.
 */
@Component
class RequestWorkflow implements Procedure<ServiceRequest, RequestState> {

    static final Workflow<RequestState> TABLE = Workflow.of("service-request", RequestState.class)
            .on("precheck").from(SUBMITTED).to(PRECHECKED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("request-materials").from(PRECHECKED).to(INCOMPLETE).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("resubmit").from(INCOMPLETE).to(PRECHECKED).by(Roles.CITIZEN, Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("accept").from(PRECHECKED).to(ACCEPTED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("start").from(ACCEPTED).to(IN_PROCESS).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("complete").from(IN_PROCESS).to(COMPLETED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("refuse").from(PRECHECKED, INCOMPLETE, ACCEPTED, IN_PROCESS).to(REFUSED)
                    .by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("refer").from(SUBMITTED, PRECHECKED, ACCEPTED).to(REFERRED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("close").from(COMPLETED, REFUSED).to(CLOSED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .on("rate").from(CLOSED).to(RATED).by(Roles.CITIZEN)
            // thanks (锦旗 "为民解忧、情系百姓" for a hukou put right) come once the work is done; the state stays
            .on("commend").in(COMPLETED, CLOSED, RATED).by(Roles.WINDOW_CLERK, Roles.SUPERVISOR)
            .build();

    /** Any of these as the first staff step is the window's first response. */
    private static final Set<String> RESPONSES = Set.of("precheck", "refer", "refuse");
    /** The steps whose event lists what is still missing. */
    private static final Set<String> MATERIALS = Set.of("precheck", "request-materials", "resubmit");

    private final Outbox outbox;

    RequestWorkflow(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public Workflow<RequestState> workflow() {
        return TABLE;
    }

    @Override
    public RequestState state(ServiceRequest request) {
        return request.state;
    }

    @Override
    public void enter(ServiceRequest r, Step<RequestState> step) {
        r.state = step.to();
        if (r.firstResponseAt == null && RESPONSES.contains(step.action())) {
            r.firstResponseAt = step.at();
        }
        r.timeline.add(new ServiceRequest.TimelineEntry(step.to(), step.action(), step.caller().subject(),
                step.caller().name(), step.at(), step.remark()));
    }

    @Override
    public OutboxEvent announce(ServiceRequest r, Step<RequestState> step) {
        if (!step.changesState()) {
            return null;   // a step that keeps the state is announced by its own event
        }
        String reason = step.to() == REFUSED ? r.refusalReason
                : step.to() == REFERRED && r.referral != null ? r.referral.reason() : null;
        return outbox.event(RequestStateChanged.TYPE, r.id, new RequestStateChanged(r.id, r.number, r.itemCode,
                r.citizenId, RequestStore.stationOf(r), step.from().name(), step.to().name(),
                step.caller().subject(), Times.local(step.at()), FreeText.scrub(reason),
                MATERIALS.contains(step.action()) ? r.missingMaterials : null));
    }
}
