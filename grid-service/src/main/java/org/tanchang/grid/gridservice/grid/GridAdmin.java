package org.tanchang.grid.gridservice.grid;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.tanchang.grid.gridservice.area.Area;
import org.tanchang.grid.gridservice.area.AreaCodes;
import org.tanchang.grid.gridservice.area.AreaDirectory;
import org.tanchang.grid.platform.geo.Boundaries;
import org.tanchang.grid.platform.geo.InvalidBoundaryException;
import org.tanchang.grid.platform.outbox.Outbox;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * Defines and changes grids: code and boundary checked before anything is stored, siblings never overlapping beyond
 * the tolerance, each change stored with its GridChanged event in one write, and the locator rebuilt after it.
 */
@Service
public class GridAdmin {

    private final MongoOperations mongo;
    private final AreaDirectory areas;
    private final GridOverlap overlap;
    private final GridLocator locator;
    private final Outbox outbox;
    private final Clock clock;

    GridAdmin(MongoOperations mongo, AreaDirectory areas, GridOverlap overlap, GridLocator locator, Outbox outbox,
            Clock clock) {
        this.mongo = mongo;
        this.areas = areas;
        this.overlap = overlap;
        this.locator = locator;
        this.outbox = outbox;
        this.clock = clock;
    }

    GridView create(Caller caller, GridRequests.CreateGrid request) {
        AreaCodes.problem(request.code(), areas.countyCode()).ifPresent(problem -> {
            throw ProblemException.invalid(List.of(new FieldError("code", problem)));
        });
        Geometry boundary = boundary(request.boundary());
        Visibility.requireArea(caller, request.code());
        Area village = areas.find(request.code().substring(0, 12)).orElseThrow(() -> ProblemException.unprocessable(
                "unknown-village", "Unknown village", "Village " + request.code().substring(0, 12) + " does not exist"));
        Area township = areas.find(village.parentCode()).orElseThrow();
        if (mongo.exists(Query.query(Criteria.where("_id").is(request.code())), Grid.class)) {
            throw ProblemException.conflict("Grid " + request.code() + " already exists", Map.of("gridCode",
                    request.code()));
        }
        overlap.requireNone(request.code(), village.code(), boundary);
        Grid grid = newGrid(request.code(), request.name(), areas.countyCode(), township, village,
                officer(request.responsibleOfficer()), Boundaries.toGeoJson(boundary));
        if (!insert(grid)) {
            throw ProblemException.conflict("Grid " + request.code() + " already exists", Map.of("gridCode",
                    request.code()));
        }
        return GridView.of(grid);
    }

    public static Grid newGrid(String code, String name, String countyCode, Area township, Area village,
            Grid.Officer officer, String boundaryGeoJson) {
        Grid grid = new Grid();
        grid.code = code;
        grid.name = name;
        grid.countyCode = countyCode;
        grid.villageCode = village.code();
        grid.villageName = village.name();
        grid.townshipCode = township.code();
        grid.townshipName = township.name();
        grid.responsibleOfficer = officer;
        grid.boundaryGeoJson = boundaryGeoJson;
        return grid;
    }

    /** Stores a new grid at version 1 with its first GridChanged; false if the code exists already. */
    public boolean insert(Grid grid) {
        grid.version = 1;
        grid.changedAt = clock.instant();
        grid.outbox.add(GridEvents.changed(outbox, grid));
        try {
            mongo.insert(grid);
        } catch (DuplicateKeyException exists) {
            return false;
        }
        locator.apply(GridEvents.picture(grid));
        return true;
    }

    GridView update(Caller caller, String code, GridRequests.UpdateGrid request) {
        // JSON null arrives as a null node: like an absent field, it leaves the boundary as it is
        Geometry boundary = request.boundary() == null || request.boundary().isNull() ? null
                : boundary(request.boundary());
        Grid grid = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(code),
                Visibility.criteria(caller, "_id", null))), Grid.class);
        if (grid == null) {
            throw ProblemException.notFound("Grid", code);
        }
        if (request.version() != null && request.version() != grid.version) {
            throw ProblemException.conflict("Grid " + code + " is at version " + grid.version + ", not "
                    + request.version(), Map.of("currentVersion", grid.version));
        }
        if (boundary != null) {
            overlap.requireNone(code, grid.villageCode, boundary);
            grid.boundaryGeoJson = Boundaries.toGeoJson(boundary);
        }
        if (request.name() != null) {
            grid.name = request.name();
        }
        if (request.responsibleOfficer() != null) {
            grid.responsibleOfficer = officer(request.responsibleOfficer());
        }
        if (request.active() != null) {
            grid.active = request.active();
        }
        save(grid);
        return GridView.of(grid);
    }

    /** Carries a renamed village or township into its grids (their events name them). */
    public void renameArea(String areaCode, String name) {
        Query under = Query.query(Criteria.where("_id").regex("^" + areaCode));
        for (Grid grid : mongo.find(under, Grid.class)) {
            if (areaCode.length() == 12) {
                grid.villageName = name;
            } else if (areaCode.length() == 9) {
                grid.townshipName = name;
            }
            save(grid);
        }
    }

    /** One conditional write: the fields, the new version and the event; a concurrent change makes it miss (409). */
    private void save(Grid grid) {
        long based = grid.version;
        grid.version = based + 1;
        grid.changedAt = clock.instant();
        Update update = new Update().set("name", grid.name).set("villageName", grid.villageName)
                .set("townshipName", grid.townshipName).set("responsibleOfficer", grid.responsibleOfficer)
                .set("boundaryGeoJson", grid.boundaryGeoJson).set("active", grid.active).set("version", grid.version)
                .set("changedAt", grid.changedAt).push("outbox", GridEvents.changed(outbox, grid));
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(grid.code).and("version").is(based)),
                update, Grid.class);
        if (result.getMatchedCount() == 0) {
            throw ProblemException.conflict("Grid " + grid.code + " was changed meanwhile; read it again",
                    Map.of("gridCode", grid.code));
        }
        locator.apply(GridEvents.picture(grid));
    }

    private static Geometry boundary(JsonNode node) {
        try {
            return Boundaries.parse(node);
        } catch (InvalidBoundaryException e) {
            throw ProblemException.invalid(List.of(new FieldError("boundary", e.getMessage())));
        }
    }

    private static Grid.Officer officer(GridRequests.OfficerInput input) {
        return input == null ? null : new Grid.Officer(input.id(), input.name());
    }
}
