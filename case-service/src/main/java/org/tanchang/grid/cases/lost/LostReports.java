package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.platform.consume.IdempotentWrites;
import org.tanchang.grid.platform.ids.KeyedIds;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.mongo.Filters;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** Lost reports (失物登记): taken from a citizen or by the desk, read by their owner or the police of the area. */
@Service
class LostReports {

    /** Ids from an Idempotency-Key; the prefix is also in the name, as these have always been stored. */
    private static final KeyedIds IDS = KeyedIds.nameBased("lost-", "lost-");

    private static final String COUNTY = "621223";

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final ItemDocuments documents;
    private final GridMap map;
    private final Clock clock;

    LostReports(MongoOperations mongo, IdempotentWrites writes, ItemDocuments documents, GridMap map, Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.documents = documents;
        this.map = map;
        this.clock = clock;
    }

    /** Stores the report; with an Idempotency-Key a retry by the same caller returns the first one unchanged. */
    Created<LostReport> report(Caller caller, LostRequests.ReportLost r, String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>(ItemDocuments.errors(r.documents()));
        if (r.lostTo().isBefore(r.lostFrom())) {
            errors.add(new FieldError("lostTo", "must not be before lostFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LostReport report = new LostReport();
        report.id = IDS.of(caller.subject(), idempotencyKey);
        report.ownerId = caller.isOnlyCitizen() ? caller.subject() : r.citizenId();
        report.areaCode = areaOf(r);
        if (!caller.isOnlyCitizen()) {
            Visibility.requireArea(caller, report.areaCode);
        }
        LostReport earlier = idempotencyKey == null ? null : mongo.findById(report.id, LostReport.class);
        if (earlier != null) {
            return new Created<>(earlier, false);
        }
        report.item.category = r.category();
        report.item.description = r.description();
        report.item.from = r.lostFrom().toInstant();
        report.item.to = r.lostTo().toInstant();
        report.item.location = r.location() == null ? null : r.location().toGeoPoint();
        report.item.areaCode = report.areaCode;
        report.item.documents = documents.protect("lost.document", r.documents());
        report.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        report.timeline.add(new Step("report", null, report.status.name(), caller.subject(), report.createdAt,
                "Reported lost"));
        if (writes.insertOnce(report)) {
            return new Created<>(report, true);
        }
        return new Created<>(mongo.findById(report.id, LostReport.class), false);   // a concurrent retry won
    }

    /**
     * The area named, else the grid whose boundary holds the place it was lost (the local grid map, as incidents are
     * placed), so the officers of that station see it; else the county, where only county-wide staff see it.
     */
    private String areaOf(LostRequests.ReportLost r) {
        if (r.areaCode() != null) {
            return r.areaCode();
        }
        return r.location() == null ? COUNTY : map.locate(r.location().longitude(), r.location().latitude())
                .map(GridArea::gridCode).orElse(COUNTY);
    }

    LostReport get(Caller caller, String id) {
        LostReport report = mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .andOperator(Visibility.criteria(caller, "areaCode", "ownerId"))), LostReport.class);
        if (report == null) {
            throw ProblemException.notFound("Lost report", id);
        }
        return report;
    }

    Page<LostViews.LostReportView> list(Caller caller, String status, int page, int size) {
        Query query = Filters.where()
                .matching(new Criteria().andOperator(Visibility.criteria(caller, "areaCode", "ownerId")))
                .is("status", status).query();
        return Page.query(mongo, query, LostReport.class, Sort.by(Sort.Direction.DESC, "createdAt"), page, size,
                LostViews.LostReportView::of);
    }
}
