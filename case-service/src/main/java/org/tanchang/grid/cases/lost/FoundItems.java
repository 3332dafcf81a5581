package org.tanchang.grid.cases.lost;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** Found items (拾得物): intake with a receipt for the finder, reads and lists within the caller's area. */
@Service
class FoundItems {

    /** Ids from an Idempotency-Key; the prefix is also in the name, as these have always been stored. */
    private static final KeyedIds IDS = KeyedIds.nameBased("found-", "found-");

    /** The optional filters of the list; {@code null} means any. Received = taken in at the desk. */
    record Filter(LostStates.Found status, String category, String custodyLocation, Instant receivedFrom,
            Instant receivedTo) {
    }

    private final MongoOperations mongo;
    private final IdempotentWrites writes;
    private final ItemDocuments documents;
    private final PersonalData personalData;
    private final Clock clock;

    FoundItems(MongoOperations mongo, IdempotentWrites writes, ItemDocuments documents, PersonalData personalData,
            Clock clock) {
        this.mongo = mongo;
        this.writes = writes;
        this.documents = documents;
        this.personalData = personalData;
        this.clock = clock;
    }

    /** Takes the item in; with an Idempotency-Key a retry by the same caller returns the first receipt. */
    Created<FoundItem> intake(Caller caller, LostRequests.IntakeFound r, String idempotencyKey) {
        List<FieldError> errors = ItemDocuments.errors(r.documents());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Visibility.requireArea(caller, r.areaCode());
        FoundItem found = new FoundItem();
        found.id = IDS.of(caller.subject(), idempotencyKey);
        FoundItem earlier = idempotencyKey == null ? null : mongo.findById(found.id, FoundItem.class);
        if (earlier != null) {
            return new Created<>(earlier, false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        found.receiptNumber = "621223-SW-" + LocalDate.ofInstant(now, clock.getZone())
                .format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + found.id.substring(6, 14).toUpperCase();
        found.areaCode = r.areaCode();
        found.item.category = r.category();
        found.item.description = r.description();
        found.item.from = r.foundAt().toInstant();
        found.item.to = found.item.from;
        found.item.location = r.location() == null ? null : r.location().toGeoPoint();
        found.item.areaCode = r.areaCode();
        found.item.documents = documents.protect("found.document", r.documents());
        found.finderName = personalData.protect("found.finderName", r.finderName(), Masker.NAME);
        found.custodyLocation = r.custodyLocation();
        found.intakeBy = caller.subject();
        found.createdAt = now;
        found.timeline.add(new Step("intake", null, found.status.name(), caller.subject(), now,
                "Taken into custody at " + r.custodyLocation()));
        if (writes.insertOnce(found)) {
            return new Created<>(found, true);
        }
        return new Created<>(mongo.findById(found.id, FoundItem.class), false);   // a concurrent retry won
    }

    FoundItem get(Caller caller, String id) {
        FoundItem item = mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .andOperator(Visibility.criteria(caller, "areaCode", null))), FoundItem.class);
        if (item == null) {
            throw ProblemException.notFound("Found item", id);
        }
        return item;
    }

    /** The items of the caller's area, newest intake first; the area condition is part of the query. */
    Page<LostViews.FoundItemView> list(Caller caller, Filter f, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        all.add(Visibility.criteria(caller, "areaCode", null));
        if (f.status() != null) {
            all.add(Criteria.where("status").is(f.status()));
        }
        if (f.category() != null) {
            all.add(Criteria.where("item.category").is(f.category()));
        }
        if (f.custodyLocation() != null) {
            all.add(Criteria.where("custodyLocation").is(f.custodyLocation()));
        }
        if (f.receivedFrom() != null) {
            all.add(Criteria.where("createdAt").gte(f.receivedFrom()));
        }
        if (f.receivedTo() != null) {
            all.add(Criteria.where("createdAt").lt(f.receivedTo()));
        }
        Query query = Query.query(new Criteria().andOperator(all.toArray(Criteria[]::new)));
        return Page.query(mongo, query, FoundItem.class,
                Sort.by(Sort.Direction.DESC, "createdAt"), page, size,
                LostViews.FoundItemView::of);
    }

    Page<LostViews.NoticeView> notices(int page, int size) {
        return Page.query(mongo, Query.query(Criteria.where("status").is(LostStates.Found.NOTICED)), FoundItem.class,
                Sort.by(Sort.Direction.DESC, "noticeExpiresAt"), page, size, LostViews.NoticeView::of);
    }
}
