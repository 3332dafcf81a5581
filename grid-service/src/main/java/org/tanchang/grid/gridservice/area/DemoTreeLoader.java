package org.tanchang.grid.gridservice.area;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tanchang.grid.gridservice.demo.DemoFile;
import org.tanchang.grid.gridservice.grid.Grid;
import org.tanchang.grid.gridservice.grid.GridAdmin;
import org.tanchang.grid.gridservice.grid.GridLocator;
import org.tanchang.grid.platform.geo.Boundaries;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo tree: townships and villages, then grids (each inserted once, with its first GridChanged so other
 * services learn the map), then the ten-household units under the grids. Existing nodes are left as they are, so a
 * restart publishes nothing and never undoes an administrator's change.
 */
@Component
@Order(1)
class DemoTreeLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTreeLoader.class);

    private final DemoFile demo;
    private final AreaTree tree;
    private final AreaDirectory areas;
    private final GridAdmin grids;
    private final GridLocator locator;

    DemoTreeLoader(DemoFile demo, AreaTree tree, AreaDirectory areas, GridAdmin grids, GridLocator locator) {
        this.locator = locator;
        this.demo = demo;
        this.tree = tree;
        this.areas = areas;
        this.grids = grids;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (JsonNode area : demo.section("areas")) {
            if (area.get("code").asString().length() <= 12) {
                tree.insertIfAbsent(area.get("code").asString(), area.get("name").asString());
            }
        }
        int inserted = 0;
        for (JsonNode g : demo.section("grids")) {
            String code = g.get("code").asString();
            Area village = areas.find(code.substring(0, 12)).orElseThrow();
            Area township = areas.find(village.parentCode()).orElseThrow();
            JsonNode officer = g.get("responsibleOfficer");
            if (grids.insert(GridAdmin.newGrid(code, g.get("name").asString(), areas.countyCode(), township,
                    village, officer == null ? null : new Grid.Officer(
                            officer.get("id").asString(), officer.get("name").asString()),
                    Boundaries.toGeoJson(Boundaries.parse(g.get("boundary")))))) {
                inserted++;
            }
        }
        for (JsonNode area : demo.section("areas")) {
            if (area.get("code").asString().length() == 18) {
                tree.insertIfAbsent(area.get("code").asString(), area.get("name").asString());
            }
        }
        // the loaders after this one place units on the map, before the service reports itself ready
        locator.refresh();
        log.info("Demo tree loaded; {} new grids", inserted);
    }
}
