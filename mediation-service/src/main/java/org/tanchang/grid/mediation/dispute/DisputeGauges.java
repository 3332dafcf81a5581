package org.tanchang.grid.mediation.dispute;

import io.micrometer.core.instrument.Tags;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.metrics.CountGauges;

/**
 * The county's figures of disputes, counted every half minute from indexes: by {@code state} (the escalation
 * sweep's {state, level, levelSince} index) and overdue by the deadline flag ({deadline.raised}).
 */
@Component
class DisputeGauges {

    DisputeGauges(CountGauges gauges, MongoOperations mongo) {
        for (DisputeState state : DisputeState.values()) {
            gauges.register("tanchang.disputes", "Disputes by state", Tags.of("state", state.name()),
                    () -> mongo.count(Query.query(Criteria.where("state").is(state)), Dispute.class));
        }
        gauges.register("tanchang.disputes.overdue",
                "Disputes whose running time limit (acceptance, mediation, confirmation) has passed: RED flag",
                Tags.empty(), () -> mongo.count(Query.query(Criteria.where("deadline.raised").is(DeadlineFlag.RED)),
                        Dispute.class));
    }
}
