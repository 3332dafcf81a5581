package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.lost.LostItemMatchReleased;
import org.tanchang.grid.contracts.lost.LostItemMatched;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/** Ranked candidates for a lost report, and the officer's confirmed match of a found item to it. */
@Service
class Matching {

    /** The states a found item can be matched from, read off the workflow table. */
    static final List<LostStates.Found> MATCHABLE = Arrays.stream(LostStates.Found.values())
            .filter(s -> FoundItemWorkflow.TABLE.allows(s, "match")).toList();

    private final MongoOperations mongo;
    private final LostReports reports;
    private final FoundItems items;
    private final Outbox outbox;
    private final MatchingProperties properties;
    private final MatchScorer scorer;
    private final Clock clock;

    Matching(MongoOperations mongo, LostReports reports, FoundItems items, Outbox outbox,
            MatchingProperties properties, Clock clock) {
        this.mongo = mongo;
        this.reports = reports;
        this.items = items;
        this.outbox = outbox;
        this.properties = properties;
        this.scorer = new MatchScorer(properties);
        this.clock = clock;
    }

    /** Ranked candidates county-wide (items travel: the bag lost at the service area is handed in in town). */
    List<MatchScorer.Candidate> candidates(Caller caller, String lostReportId) {
        LostReport report = reports.get(caller, lostReportId);
        Query query = Query.query(Criteria.where("status").in(MATCHABLE).and("item.from")
                .gte(report.item.from.minus(1, ChronoUnit.HOURS)).lte(report.item.to.plus(properties.timeSlack())));
        return scorer.rank(report.item, mongo.find(query, FoundItem.class));
    }

    /**
     * The officer confirms a candidate: both move to MATCHED and the owner is told to come with proof
     * (LostItemMatched). A retry of a match already made changes and publishes nothing more; each write is
     * conditional on the version read, so a concurrent second match loses with 409 instead of overwriting. Both the
     * item and the report must be visible to the caller (404 otherwise, as their reads answer): an officer cannot
     * tie a found item to a report of another station's area by guessing its id.
     */
    FoundItem match(Caller caller, String foundItemId, String lostReportId) {
        FoundItem found = items.get(caller, foundItemId);
        LostReport report = reports.get(caller, lostReportId);   // as a read: 404 outside the caller's areas
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String remark = "Matched to lost report " + report.id;
        if (found.status == LostStates.Found.MATCHED && report.id.equals(found.matchedLostReportId)) {
            completeReport(report, found, caller, now);   // a retry: finish what a failed first try left
            return found;
        }
        double score = scorer.score(report.item, found).map(MatchScorer.Candidate::score).orElse(0.0);
        found.step("match", caller.subject(), now, remark);
        report.step("match", caller.subject(), now, "Matched to found item " + found.receiptNumber);
        if (score == 0.0) {
            throw ProblemException.unprocessable("documents-differ", "Documents differ",
                    "The items hold documents of the same type with different numbers; they cannot match");
        }
        found.matchedLostReportId = report.id;
        found.outbox.add(outbox.event(LostItemMatched.TYPE, report.id, new LostItemMatched(report.id, found.id,
                report.ownerId, found.item.category, score, found.custodyLocation,
                ItemDocuments.gridOf(found.areaCode), Times.local(now))));
        mongo.save(found);   // versioned: only if nobody changed it since it was read
        report.matchedFoundItemId = found.id;
        mongo.save(report);
        return found;
    }

    /**
     * The owner came and it was not theirs (or the officer matched the wrong report): both go back to where they were,
     * so the item can be matched and claimed again and the report stays searchable. An item that was under public
     * notice returns to it with its original clock: a wrong match must not restart, or stop, the legal year.
     * Conditional on the versions read, like {@link #match}; releasing an unmatched item is a 409. The owner hears of
     * it by {@code LostItemMatchReleased}.
     */
    FoundItem release(Caller caller, String foundItemId, String reason) {
        FoundItem found = items.get(caller, foundItemId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String lostReportId = found.matchedLostReportId;
        found.step("release", caller.subject(), now, "Match to lost report " + lostReportId + " released: " + reason);
        if (found.notice != null) {
            found.step("notice", caller.subject(), now, "Back under the notice of " + found.notice.publishedAt()
                    + " (expires " + found.notice.expiresAt() + ")");
        }
        found.matchedLostReportId = null;
        LostReport report = lostReportId == null ? null : mongo.findById(lostReportId, LostReport.class);
        if (report != null) {
            // the owner was told to come (LostItemMatched): tell them it was not theirs, in the same write
            found.outbox.add(outbox.event(LostItemMatchReleased.TYPE, report.id, new LostItemMatchReleased(report.id,
                    found.id, report.ownerId, found.item.category, ItemDocuments.gridOf(found.areaCode),
                    Times.local(now))));
        }
        mongo.save(found);
        if (report != null && report.status == LostStates.Report.MATCHED && found.id.equals(report.matchedFoundItemId)) {
            report.step("release", caller.subject(), now, "Found item " + found.receiptNumber + " was not this: "
                    + reason);
            report.matchedFoundItemId = null;
            mongo.save(report);
        }
        return found;
    }

    private void completeReport(LostReport report, FoundItem found, Caller caller, Instant now) {
        if (report.status == LostStates.Report.OPEN) {
            report.step("match", caller.subject(), now, "Matched to found item " + found.receiptNumber);
            report.matchedFoundItemId = found.id;
            mongo.save(report);
        }
    }
}
