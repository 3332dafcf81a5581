package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.lost.LostItemReturned;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.problem.ProblemException;
import org.tanchang.grid.platform.time.Times;

/** The verified, signed handover (交接) of a matched found item to its owner or the owner's proxy. */
@Service
class Handovers {

    private final MongoOperations mongo;
    private final FoundItems items;
    private final LostReports reports;
    private final PersonalData personalData;
    private final Outbox outbox;
    private final Clock clock;

    Handovers(MongoOperations mongo, FoundItems items, LostReports reports, PersonalData personalData, Outbox outbox,
            Clock clock) {
        this.mongo = mongo;
        this.items = items;
        this.reports = reports;
        this.personalData = personalData;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The claimant's ID number must be the one in the lost report (its keyed hash), or a proxy brings the owner's
     * signed authorisation; without proof it is refused (422) and nothing changes. A retry of a handover already
     * made returns it without a second record or event; the writes are conditional on the version read. The item
     * and the report must both be visible to the caller (404 otherwise, as their reads answer).
     */
    FoundItem claim(Caller caller, String foundItemId, LostRequests.Claim claim) {
        FoundItem found = items.get(caller, foundItemId);
        LostReport report = reports.get(caller, claim.lostReportId());   // as a read: 404 outside the caller's areas
        boolean linked = report.id.equals(found.matchedLostReportId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (linked && found.status == LostStates.Found.RETURNED) {
            if (report.status == LostStates.Report.MATCHED) {   // a retry after a first try that stopped half-way
                report.step("claim", caller.subject(), now, "Handed over (" + found.handover.id() + ")");
                mongo.save(report);
            }
            return found;
        }
        String handoverId = "handover-" + UUID.randomUUID();
        found.step("claim", caller.subject(), now, "Handed over (" + handoverId + ")");
        if (!linked) {
            throw ProblemException.conflict("Found item " + found.id + " is not matched to lost report "
                    + claim.lostReportId() + "; match it first", Map.of("status", found.status.name()));
        }
        String proof = proof(report, claim);
        report.step("claim", caller.subject(), now, "Handed over (" + handoverId + ", " + proof + ")");
        found.handover = new FoundItem.Handover(handoverId, report.id, report.ownerId, proof,
                personalData.protect("found.claimantIdNumber", claim.claimantIdNumber(), Masker.ID_NUMBER),
                claim.proxyAuthorisationUrl(), claim.signatureSha256(), caller.subject(), now);
        found.outbox.add(outbox.event(LostItemReturned.TYPE, report.id, new LostItemReturned(report.id, found.id,
                report.ownerId, handoverId, ItemDocuments.gridOf(found.areaCode), Times.local(now))));
        mongo.save(found);   // versioned: a concurrent second handover loses with 409
        mongo.save(report);
        return found;
    }

    private String proof(LostReport report, LostRequests.Claim claim) {
        String claimant = personalData.searchHash(claim.claimantIdNumber(), Masker.ID_NUMBER);
        boolean owner = report.item.documents.stream().anyMatch(d -> d.type().equals("ID_CARD")
                && d.number().hash().equals(claimant));
        String proof = owner ? "ID_NUMBER" : claim.proxyAuthorisationUrl() != null ? "PROXY_AUTHORISATION" : null;
        if (proof == null) {
            throw ProblemException.unprocessable("identity-not-proven", "Identity not proven", "The claimant's "
                    + "identity number is not the one in the lost report and no proxy authorisation was given");
        }
        return proof;
    }
}
