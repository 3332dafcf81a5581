package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.lost.LostItemMatched;
import org.tanchang.grid.contracts.lost.LostItemReturned;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.personaldata.ChineseIdNumber;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.FieldError;
import org.tanchang.grid.platform.web.ProblemException;
import org.tanchang.grid.platform.web.Times;

/** Lost reports, found items, matching, the verified handover, public notices and disposal. */
@Service
class LostProperty {

    static final String OPEN = "OPEN";
    static final List<String> CLAIMABLE = List.of("IN_CUSTODY", "MATCHED", "NOTICED");

    private final MongoOperations mongo;
    private final PersonalData personalData;
    private final Outbox outbox;
    private final MatchingProperties properties;
    private final Matcher matcher;
    private final Clock clock;

    LostProperty(MongoOperations mongo, PersonalData personalData, Outbox outbox, MatchingProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.personalData = personalData;
        this.outbox = outbox;
        this.properties = properties;
        this.matcher = new Matcher(properties);
        this.clock = clock;
    }

    LostReport report(Caller caller, LostRequests.ReportLost r) {
        List<FieldError> errors = new ArrayList<>(documentErrors(r.documents()));
        if (r.lostTo().isBefore(r.lostFrom())) {
            errors.add(new FieldError("lostTo", "must not be before lostFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LostReport report = new LostReport();
        report.id = "lost-" + UUID.randomUUID();
        report.ownerId = caller.isOnlyCitizen() ? caller.subject() : r.citizenId();
        report.areaCode = r.areaCode() != null ? r.areaCode() : "621223";
        if (!caller.isOnlyCitizen()) {
            Visibility.requireArea(caller, report.areaCode);
        }
        report.item.category = r.category();
        report.item.description = r.description();
        report.item.from = r.lostFrom().toInstant();
        report.item.to = r.lostTo().toInstant();
        report.item.location = r.location() == null ? null : r.location().toGeoPoint();
        report.item.areaCode = report.areaCode;
        report.item.documents = protect("lost.document", r.documents());
        report.createdAt = now();
        mongo.insert(report);
        return report;
    }

    FoundItem intake(Caller caller, LostRequests.IntakeFound r) {
        List<FieldError> errors = documentErrors(r.documents());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Visibility.requireArea(caller, r.areaCode());
        FoundItem found = new FoundItem();
        found.id = "found-" + UUID.randomUUID();
        Instant now = now();
        found.receiptNumber = "621223-SW-" + LocalDate.ofInstant(now, Times.COUNTY_ZONE)
                .format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + found.id.substring(6, 14).toUpperCase();
        found.areaCode = r.areaCode();
        found.item.category = r.category();
        found.item.description = r.description();
        found.item.from = r.foundAt().toInstant();
        found.item.to = found.item.from;
        found.item.location = r.location() == null ? null : r.location().toGeoPoint();
        found.item.areaCode = r.areaCode();
        found.item.documents = protect("found.document", r.documents());
        found.finderName = personalData.protect("found.finderName", r.finderName(), Masker.NAME);
        found.custodyLocation = r.custodyLocation();
        found.intakeBy = caller.subject();
        found.createdAt = now;
        mongo.insert(found);
        return found;
    }

    LostReport lostReport(Caller caller, String id) {
        LostReport report = mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .andOperator(Visibility.criteria(caller, "areaCode", "ownerId"))), LostReport.class);
        if (report == null) {
            throw ProblemException.notFound("Lost report", id);
        }
        return report;
    }

    org.tanchang.grid.platform.web.Page<LostViews.LostReportView> list(Caller caller, String status, int page,
            int size) {
        Query query = org.tanchang.grid.platform.mongo.Filters.where()
                .matching(new Criteria().andOperator(Visibility.criteria(caller, "areaCode", "ownerId")))
                .is("status", status).query();
        return org.tanchang.grid.platform.web.Page.query(mongo, query, LostReport.class,
                Sort.by(Sort.Direction.DESC, "createdAt"), page, size, LostViews.LostReportView::of);
    }

    FoundItem foundItem(Caller caller, String id) {
        FoundItem item = mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .andOperator(Visibility.criteria(caller, "areaCode", null))), FoundItem.class);
        if (item == null) {
            throw ProblemException.notFound("Found item", id);
        }
        return item;
    }

    /** Ranked candidates county-wide (items travel: the bag lost at the service area is handed in in town). */
    List<Matcher.Candidate> matches(Caller caller, String lostReportId) {
        LostReport report = lostReport(caller, lostReportId);
        Query query = Query.query(Criteria.where("status").in(CLAIMABLE).and("item.from")
                .gte(report.item.from.minus(1, ChronoUnit.HOURS)).lte(report.item.to.plus(properties.timeSlack())));
        return matcher.rank(report.item, mongo.find(query, FoundItem.class));
    }

    /** The officer confirms a candidate: both are marked and the owner is told to come with proof (LostItemMatched). */
    FoundItem match(Caller caller, String foundItemId, String lostReportId) {
        FoundItem found = claimable(caller, foundItemId);
        LostReport report = mongo.findById(lostReportId, LostReport.class);
        if (report == null) {
            throw ProblemException.unprocessable("unknown-lost-report", "Unknown lost report",
                    "Lost report " + lostReportId + " does not exist");
        }
        double score = matcher.score(report.item, found).map(Matcher.Candidate::score).orElse(0.0);
        if (score == 0.0) {
            throw ProblemException.unprocessable("documents-differ", "Documents differ",
                    "The items hold documents of the same type with different numbers; they cannot match");
        }
        found.status = "MATCHED";
        found.matchedLostReportId = report.id;
        found.outbox.add(outbox.event(LostItemMatched.TYPE, report.id, new LostItemMatched(report.id, found.id,
                report.ownerId, found.item.category, score, found.custodyLocation, gridOf(found.areaCode),
                Times.local(now()))));
        mongo.save(found);
        report.status = "MATCHED";
        report.matchedFoundItemId = found.id;
        mongo.save(report);
        return found;
    }

    /**
     * The handover: the claimant's ID number must be the one in the lost report (its keyed hash), or a proxy brings
     * the owner's signed authorisation. Without proof it is refused (422) and nothing changes.
     */
    FoundItem claim(Caller caller, String foundItemId, LostRequests.Claim claim) {
        FoundItem found = claimable(caller, foundItemId);
        LostReport report = mongo.findById(claim.lostReportId(), LostReport.class);
        if (report == null || !report.id.equals(found.matchedLostReportId)) {
            throw ProblemException.conflict("Found item " + found.id + " is not matched to lost report "
                    + claim.lostReportId() + "; match it first", Map.of("status", found.status));
        }
        String claimant = personalData.searchHash(claim.claimantIdNumber(), Masker.ID_NUMBER);
        boolean owner = report.item.documents.stream().anyMatch(d -> d.type().equals("ID_CARD")
                && d.number().hash().equals(claimant));
        String proof = owner ? "ID_NUMBER" : claim.proxyAuthorisationUrl() != null ? "PROXY_AUTHORISATION" : null;
        if (proof == null) {
            throw ProblemException.unprocessable("identity-not-proven", "Identity not proven", "The claimant's "
                    + "identity number is not the one in the lost report and no proxy authorisation was given");
        }
        Instant now = now();
        found.handover = new FoundItem.Handover("handover-" + UUID.randomUUID(), report.id, report.ownerId, proof,
                personalData.protect("found.claimantIdNumber", claim.claimantIdNumber(), Masker.ID_NUMBER),
                claim.proxyAuthorisationUrl(), claim.signatureSha256(), caller.subject(), now);
        found.status = "RETURNED";
        found.outbox.add(outbox.event(LostItemReturned.TYPE, report.id, new LostItemReturned(report.id, found.id,
                report.ownerId, found.handover.id(), gridOf(found.areaCode), Times.local(now))));
        mongo.save(found);
        report.status = "RETURNED";
        mongo.save(report);
        return found;
    }

    FoundItem notice(Caller caller, String id, String publicDescription) {
        FoundItem found = claimable(caller, id);
        Instant now = now();
        found.notice = new FoundItem.Notice(publicDescription, now, now.plus(properties.noticePeriod()));
        found.noticeExpiresAt = found.notice.expiresAt();
        found.status = "NOTICED";
        mongo.save(found);
        return found;
    }

    FoundItem dispose(Caller caller, String id, LostRequests.Dispose dispose) {
        FoundItem found = foundItem(caller, id);
        Instant now = now();
        if (!"NOTICED".equals(found.status) || now.isBefore(found.noticeExpiresAt)) {
            throw ProblemException.conflict("Found item " + id + " may be disposed of only after its public notice "
                    + "has run its period unclaimed" + (found.noticeExpiresAt == null ? ""
                    : " (until " + Times.local(found.noticeExpiresAt) + ")"), Map.of("status", found.status));
        }
        found.disposal = new FoundItem.Disposal(dispose.method(), dispose.remark(), caller.subject(), now);
        found.status = "DISPOSED";
        mongo.save(found);
        return found;
    }

    List<FoundItem> notices(int page, int size) {
        return mongo.find(Query.query(Criteria.where("status").is("NOTICED"))
                .with(Sort.by(Sort.Direction.DESC, "noticeExpiresAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size), FoundItem.class);
    }

    private FoundItem claimable(Caller caller, String id) {
        FoundItem found = foundItem(caller, id);
        if (!CLAIMABLE.contains(found.status)) {
            throw ProblemException.conflict("Found item " + id + " is " + found.status, Map.of("status", found.status));
        }
        return found;
    }

    private List<LostItem.DocumentNumber> protect(String context, List<LostRequests.Document> documents) {
        if (documents == null) {
            return new ArrayList<>();
        }
        return new ArrayList<>(documents.stream().map(d -> new LostItem.DocumentNumber(d.type(),
                personalData.protect(context + "." + d.type(), d.number(),
                        d.type().equals("ID_CARD") ? Masker.ID_NUMBER : Masker.HIDDEN))).toList());
    }

    private static List<FieldError> documentErrors(List<LostRequests.Document> documents) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; documents != null && i < documents.size(); i++) {
            var d = documents.get(i);
            if ("ID_CARD".equals(d.type()) && d.number() != null && !ChineseIdNumber.check(d.number()).valid()) {
                errors.add(new FieldError("documents[" + i + "].number", ChineseIdNumber.check(d.number()).reason()));
            }
        }
        return errors;
    }

    private static String gridOf(String areaCode) {
        return areaCode != null && areaCode.length() == 15 ? areaCode : null;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
