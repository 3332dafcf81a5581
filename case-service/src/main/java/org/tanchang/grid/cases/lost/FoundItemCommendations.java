package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.commendation.MatterCommended;
import org.tanchang.grid.platform.commendation.Commendation;
import org.tanchang.grid.platform.commendation.CommendationList;
import org.tanchang.grid.platform.commendation.Commendations;
import org.tanchang.grid.platform.commendation.RecordCommendation;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Caller;

/**
 * The owner's thanks for a handover (致信感谢): the "commend" step of {@link FoundItemWorkflow}, allowed once the item
 * is RETURNED (409 before). The event is keyed by the lost report, as LostItemReturned, so it follows it.
 */
@Service
class FoundItemCommendations {

    private final MongoOperations mongo;
    private final FoundItems items;
    private final Commendations commendations;
    private final Outbox outbox;
    private final Clock clock;

    FoundItemCommendations(MongoOperations mongo, FoundItems items, Commendations commendations, Outbox outbox,
            Clock clock) {
        this.mongo = mongo;
        this.items = items;
        this.commendations = commendations;
        this.outbox = outbox;
        this.clock = clock;
    }

    Commendation record(Caller caller, String id, RecordCommendation request) {
        FoundItem found = items.get(caller, id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Set<String> handlers = found.handlers();   // before the step, which adds the recorder
        found.step(Commendations.ACTION, caller.subject(), now, Commendations.remark(request));
        Commendation c = commendations.create(caller, request, handlers, now);
        found.commendations.add(c);
        found.outbox.add(outbox.event(MatterCommended.LOST_ITEM, found.handover.lostReportId(),
                Commendations.data(MatterCommended.LOST_ITEM_MATTER, found.id, ItemDocuments.gridOf(found.areaCode),
                        c)));
        mongo.save(found);   // versioned: a concurrent write loses with 409
        return c;
    }

    CommendationList list(Caller caller, String id) {
        return Commendations.list(id, items.get(caller, id).commendations);
    }
}
