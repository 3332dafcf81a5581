package org.tanchang.grid.cases.incident;

import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.metrics.CountGauges;

/**
 * The county's figures of incidents for the on-call team and the county dashboard, counted every half minute from
 * indexes: {@code state} is indexed, and "overdue" is the deadline sweep's RED flag ({flag, dueAt} index).
 */
@Component
class IncidentGauges {

    /** States in which nothing is owed any more: an overdue flag left on them is history, not work. */
    static final List<IncidentState> ENDED = List.of(IncidentState.VOIDED, IncidentState.CLOSED,
            IncidentState.EVALUATED);

    IncidentGauges(CountGauges gauges, MongoOperations mongo) {
        for (IncidentState state : IncidentState.values()) {
            gauges.register("tanchang.incidents", "Incidents (cases) by state", Tags.of("state", state.name()),
                    () -> mongo.count(Query.query(Criteria.where("state").is(state)), Incident.class));
        }
        gauges.register("tanchang.incidents.overdue",
                "Open incidents whose current step is past its time limit (RED flag of the deadline sweep)",
                Tags.empty(), () -> mongo.count(Query.query(Criteria.where("flag").is(DeadlineFlag.RED)
                        .and("state").nin(ENDED)), Incident.class));
    }
}
