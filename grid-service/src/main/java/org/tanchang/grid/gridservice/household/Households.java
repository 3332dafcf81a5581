package org.tanchang.grid.gridservice.household;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.gridservice.grid.GridDirectory;
import org.tanchang.grid.platform.personaldata.Disclosure;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** Households and residents of the grids, personal data protected at rest and masked in responses. */
@Service
class Households {

    static final String ADDRESS = "household.address";
    static final String ID_NUMBER = "household.resident.idNumber";
    static final String MOBILE = "household.resident.mobile";

    private final MongoOperations mongo;
    private final GridDirectory grids;
    private final PersonalData personalData;
    private final Disclosure disclosure;
    private final Clock clock;

    Households(MongoOperations mongo, GridDirectory grids, PersonalData personalData, Disclosure disclosure,
            Clock clock) {
        this.mongo = mongo;
        this.grids = grids;
        this.personalData = personalData;
        this.disclosure = disclosure;
        this.clock = clock;
    }

    HouseholdView create(Caller caller, String createdBy, HouseholdRequests.CreateHousehold r) {
        if (caller != null) {
            Visibility.requireArea(caller, r.gridCode());
        }
        if (grids.find(r.gridCode()).isEmpty()) {
            throw ProblemException.unprocessable("unknown-grid", "Unknown grid", "Grid " + r.gridCode()
                    + " does not exist");
        }
        Household h = new Household();
        h.id = "hh-" + UUID.randomUUID();
        fill(h, r);
        h.createdBy = createdBy;
        h.createdAt = clock.instant();
        mongo.insert(h);
        return HouseholdView.masked(h);
    }

    /** Replaces what is recorded of a household of the caller's area; moving it needs the new grid in the area too. */
    HouseholdView update(Caller caller, String id, HouseholdRequests.CreateHousehold r) {
        Household h = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null))), Household.class);
        if (h == null) {
            throw ProblemException.notFound("Household", id);
        }
        Visibility.requireArea(caller, r.gridCode());
        if (grids.find(r.gridCode()).isEmpty()) {
            throw ProblemException.unprocessable("unknown-grid", "Unknown grid", "Grid " + r.gridCode()
                    + " does not exist");
        }
        h.residents = new ArrayList<>();
        fill(h, r);
        h.updatedBy = caller.subject();
        h.updatedAt = clock.instant();
        try {
            mongo.save(h);
        } catch (OptimisticLockingFailureException changed) {
            throw ProblemException.conflict("Household " + id + " was changed meanwhile; read it again",
                    Map.of("householdId", id));
        }
        return HouseholdView.masked(h);
    }

    private void fill(Household h, HouseholdRequests.CreateHousehold r) {
        h.gridCode = r.gridCode();
        h.unitCode = r.unitCode();
        h.address = personalData.protect(ADDRESS, r.address(), Masker.ADDRESS);
        h.careTags = r.careTags() == null ? Set.of() : r.careTags();
        Set<CareTag> all = EnumSet.noneOf(CareTag.class);
        all.addAll(h.careTags);
        for (HouseholdRequests.ResidentInput in : r.residents()) {
            Set<CareTag> tags = in.careTags() == null ? Set.of() : in.careTags();
            all.addAll(tags);
            h.residents.add(new Household.Resident(in.name(), in.relation(),
                    personalData.protect(ID_NUMBER, in.idNumber(), Masker.ID_NUMBER),
                    personalData.protect(MOBILE, in.mobile(), Masker.MOBILE), tags));
        }
        h.allCareTags = all;
    }

    HouseholdView get(Caller caller, String id, boolean unmask) {
        Household h = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null))), Household.class);
        if (h == null) {
            throw ProblemException.notFound("Household", id);
        }
        return disclosure.unmask(caller, unmask, "households", id)
                ? HouseholdView.of(h, personalData::reveal) : HouseholdView.masked(h);
    }

    /** Lists households of the caller's area; an ID number is matched exactly by its keyed hash, never decrypted. */
    Page<HouseholdView> list(Caller caller, String gridCode, CareTag careTag, String idNumber, int page, int size) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null)));
        if (gridCode != null) {
            conditions.add(Criteria.where("gridCode").is(gridCode));
        }
        if (careTag != null) {
            conditions.add(Criteria.where("allCareTags").is(careTag));
        }
        if (idNumber != null) {
            conditions.add(Criteria.where("residents.idNumber.hash")
                    .is(personalData.searchHash(idNumber, Masker.ID_NUMBER)));
        }
        return Page.query(mongo, Query.query(new Criteria().andOperator(conditions)), Household.class,
                Sort.by("gridCode", "createdAt"), page, size, HouseholdView::masked);
    }

    boolean anyIn(String gridCode) {
        return mongo.exists(Query.query(Criteria.where("gridCode").is(gridCode)), Household.class);
    }
}
