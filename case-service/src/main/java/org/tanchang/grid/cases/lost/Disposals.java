package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/** The public notice that starts the legal one-year clock, and the recorded disposal once it ran out unclaimed. */
@Service
class Disposals {

    private final MongoOperations mongo;
    private final FoundItems items;
    private final MatchingProperties properties;
    private final Clock clock;

    Disposals(MongoOperations mongo, FoundItems items, MatchingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.items = items;
        this.properties = properties;
        this.clock = clock;
    }

    FoundItem notice(Caller caller, String id, String publicDescription) {
        FoundItem found = items.get(caller, id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        found.step("notice", caller.subject(), now, "Public notice: " + publicDescription);
        found.notice = new FoundItem.Notice(publicDescription, now, now.plus(properties.noticePeriod()));
        found.noticeExpiresAt = found.notice.expiresAt();
        mongo.save(found);
        return found;
    }

    FoundItem dispose(Caller caller, String id, LostRequests.Dispose dispose) {
        FoundItem found = items.get(caller, id);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (found.status == LostStates.Found.NOTICED && now.isBefore(found.noticeExpiresAt)) {
            throw ProblemException.conflict("Found item " + id + " may be disposed of only after its public notice "
                    + "has run its period unclaimed (until " + Times.local(found.noticeExpiresAt) + ")",
                    Map.of("status", found.status.name(), "claimUntil", Times.local(found.noticeExpiresAt).toString()));
        }
        found.step("dispose", caller.subject(), now, dispose.method()
                + (dispose.remark() == null ? "" : ": " + dispose.remark()));
        found.disposal = new FoundItem.Disposal(dispose.method(), dispose.remark(), caller.subject(), now);
        mongo.save(found);
        return found;
    }
}
