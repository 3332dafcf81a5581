package org.tanchang.grid.mediation.followup;

import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.metrics.CountGauges;
import org.tanchang.grid.platform.time.Times;

/** Follow-up visits waiting and overdue, counted every half minute from the {status, dueOn} index. */
@Component
class VisitGauges {

    VisitGauges(CountGauges gauges, MongoOperations mongo, Clock clock) {
        gauges.register("tanchang.followup.visits.scheduled", "Follow-up visits scheduled and not yet made",
                Tags.empty(), () -> mongo.count(Query.query(Criteria.where("status")
                        .is(FollowUpVisitStatus.SCHEDULED)), FollowUpVisit.class));
        gauges.register("tanchang.followup.visits.overdue",
                "Follow-up visits not made by their due day (county calendar)", Tags.empty(),
                () -> mongo.count(Query.query(Criteria.where("status").is(FollowUpVisitStatus.SCHEDULED)
                        .and("dueOn").lt(LocalDate.ofInstant(clock.instant(), Times.COUNTY_ZONE))),
                        FollowUpVisit.class));
    }
}
