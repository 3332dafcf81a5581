package org.tanchang.grid.gridservice.prevention;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.gridservice.grid.GridLocator;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.web.Page;
import org.tanchang.grid.platform.problem.ProblemException;

/** Places posts and units on the map: located first, so each is linked to the grid that holds it. */
@Service
class PreventionUnits {

    private final MongoOperations mongo;
    private final GridLocator locator;
    private final Clock clock;

    PreventionUnits(MongoOperations mongo, GridLocator locator, Clock clock) {
        this.mongo = mongo;
        this.locator = locator;
        this.clock = clock;
    }

    /** {@code caller} null for the demo loader, which acts for the county. */
    PreventionUnit create(Caller caller, String createdBy, CreateUnit r) {
        GridArea grid = gridOf(caller, r);
        PreventionUnit unit = new PreventionUnit("pu-" + UUID.randomUUID(), r.kind(), r.name(),
                new GeoPoint(r.longitude(), r.latitude()), grid.gridCode(), grid.villageCode(), grid.townshipCode(),
                r.contactName(), createdBy, clock.instant(), null, null);
        return mongo.insert(unit);
    }

    /** Replaces a unit of the caller's area; a move links it to the grid of its new place, which must be theirs. */
    PreventionUnit update(Caller caller, String id, CreateUnit r) {
        PreventionUnit known = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                Visibility.criteria(caller, "gridCode", null))), PreventionUnit.class);
        if (known == null) {
            throw ProblemException.notFound("Prevention unit", id);
        }
        GridArea grid = gridOf(caller, r);
        PreventionUnit unit = new PreventionUnit(id, r.kind(), r.name(), new GeoPoint(r.longitude(), r.latitude()),
                grid.gridCode(), grid.villageCode(), grid.townshipCode(), r.contactName(), known.createdBy(),
                known.createdAt(), caller.subject(), clock.instant());
        return mongo.save(unit);
    }

    private GridArea gridOf(Caller caller, CreateUnit r) {
        GridArea grid = locator.locate(r.longitude(), r.latitude()).orElseThrow(() -> ProblemException.unprocessable(
                "outside-every-grid", "Outside every grid", "Position " + r.longitude() + "," + r.latitude()
                        + " lies in no grid of the county"));
        if (caller != null) {
            Visibility.requireArea(caller, grid.gridCode());
        }
        return grid;
    }

    Page<PreventionUnitView> list(Caller caller, String areaCode, UnitKind kind, int page, int size) {
        List<Criteria> conditions = new ArrayList<>(List.of(Visibility.criteria(caller, "gridCode", null)));
        if (areaCode != null) {
            conditions.add(Criteria.where("gridCode").regex("^" + areaCode));
        }
        if (kind != null) {
            conditions.add(Criteria.where("kind").is(kind));
        }
        return Page.query(mongo, Query.query(new Criteria().andOperator(conditions)), PreventionUnit.class,
                Sort.by("gridCode", "name"), page, size, PreventionUnitView::of);
    }

    boolean exists(String name) {
        return mongo.exists(Query.query(Criteria.where("name").is(name)), PreventionUnit.class);
    }

}
