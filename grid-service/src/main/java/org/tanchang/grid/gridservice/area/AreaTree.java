package org.tanchang.grid.gridservice.area;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.tanchang.grid.gridservice.grid.Grid;
import org.tanchang.grid.gridservice.grid.GridAdmin;
import org.tanchang.grid.platform.security.Caller;
import org.tanchang.grid.platform.security.Visibility;
import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;

/** Reads the tree (areas and grids together) and adds or renames its non-grid nodes. */
@Service
class AreaTree {

    private final MongoOperations mongo;
    private final AreaDirectory areas;
    private final GridAdmin grids;
    private final Clock clock;

    AreaTree(MongoOperations mongo, AreaDirectory areas, GridAdmin grids, Clock clock) {
        this.mongo = mongo;
        this.areas = areas;
        this.grids = grids;
        this.clock = clock;
    }

    /** The subtree under {@code rootCode} (the county when null). */
    AreaNode tree(String rootCode) {
        Map<String, AreaNode> nodes = new HashMap<>();
        for (Area a : areas.all()) {
            nodes.put(a.code, new AreaNode(a.code, a.level, a.name, a.parentCode));
        }
        Query grids = new Query();
        grids.fields().include("_id", "name", "villageCode");
        for (Grid g : mongo.find(grids, Grid.class)) {
            nodes.put(g.code(), new AreaNode(g.code(), AreaLevel.GRID, g.name(), g.villageCode()));
        }
        List<AreaNode> sorted = new ArrayList<>(nodes.values());
        sorted.sort(Comparator.comparing(AreaNode::code));
        for (AreaNode node : sorted) {
            AreaNode parent = node.parentCode() == null ? null : nodes.get(node.parentCode());
            if (parent != null) {
                parent.children().add(node);
            }
        }
        String root = rootCode == null ? areas.countyCode() : rootCode;
        AreaNode found = nodes.get(root);
        if (found == null) {
            throw ProblemException.notFound("Area", root);
        }
        return found;
    }

    Area create(Caller caller, AreaRequests.CreateArea request) {
        AreaCodes.problem(request.code(), areas.countyCode()).ifPresent(problem -> {
            throw ProblemException.invalid(List.of(new FieldError("code", problem)));
        });
        Visibility.requireArea(caller, request.code());
        String parent = AreaLevel.parentOf(request.code());
        boolean parentExists = request.code().length() == 18 ? mongo.findById(parent, Grid.class) != null
                : areas.find(parent).isPresent();
        if (!parentExists) {
            throw ProblemException.unprocessable("unknown-parent", "Unknown parent", "The parent " + parent
                    + " of " + request.code() + " does not exist");
        }
        Area area = new Area(request.code(), request.name(), clock.instant());
        try {
            mongo.insert(area);
        } catch (DuplicateKeyException exists) {
            throw ProblemException.conflict("Area " + request.code() + " already exists", Map.of("code",
                    request.code()));
        }
        return area;
    }

    /** Renames a node; a renamed village or township is carried into its grids' GridChanged events. */
    Area rename(Caller caller, String code, AreaRequests.RenameArea request) {
        Area area = areas.find(code).filter(a -> Visibility.sees(caller, a.code, null))
                .orElseThrow(() -> ProblemException.notFound("Area", code));
        area.name = request.name();
        area.changedAt = clock.instant();
        mongo.save(area);
        if (area.level == AreaLevel.VILLAGE || area.level == AreaLevel.TOWNSHIP) {
            grids.renameArea(code, request.name());
        }
        return area;
    }

    /** Inserts a demo node unless it exists; demo data never overwrites what an administrator changed. */
    void insertIfAbsent(String code, String name) {
        if (areas.find(code).isEmpty()) {
            try {
                mongo.insert(new Area(code, name, clock.instant()));
            } catch (DuplicateKeyException raced) {
                // another instance loaded it first: the same data
            }
        }
    }
}
