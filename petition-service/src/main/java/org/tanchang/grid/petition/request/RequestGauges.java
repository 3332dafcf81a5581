package org.tanchang.grid.petition.request;

import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.metrics.CountGauges;

/**
 * The county's figures of service requests at the one window, counted every half minute from indexes: by
 * {@code state}, and overdue per measure from {state, firstResponseDueAt} and {state, completionDueAt}. Counted
 * from the due times themselves, so a request is overdue from the moment its limit passes, not from the next
 * deadline sweep.
 */
@Component
class RequestGauges {

    RequestGauges(CountGauges gauges, MongoOperations mongo, Clock clock) {
        for (RequestState state : RequestState.values()) {
            gauges.register("tanchang.requests", "Service requests by state", Tags.of("state", state.name()),
                    () -> mongo.count(Query.query(Criteria.where("state").is(state)), ServiceRequest.class));
        }
        String overdue = "Open service requests past their time limit, by measure (first-response: still waiting "
                + "for the window's first step; completion: not completed or refused in time)";
        // the first response is the step out of SUBMITTED (see RequestState)
        gauges.register("tanchang.requests.overdue", overdue, Tags.of("measure", "first-response"),
                () -> mongo.count(Query.query(Criteria.where("state").is(RequestState.SUBMITTED)
                        .and("firstResponseDueAt").lt(clock.instant())), ServiceRequest.class));
        gauges.register("tanchang.requests.overdue", overdue, Tags.of("measure", "completion"),
                () -> mongo.count(Query.query(Criteria.where("state").in(RequestState.OPEN)
                        .and("completionDueAt").lt(clock.instant())), ServiceRequest.class));
    }
}
