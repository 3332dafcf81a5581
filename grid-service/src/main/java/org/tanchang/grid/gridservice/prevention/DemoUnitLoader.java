package org.tanchang.grid.gridservice.prevention;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tanchang.grid.gridservice.demo.DemoFile;
import tools.jackson.databind.JsonNode;

/** Places the demo police posts and units once (by name), after the grids that locate them. */
@Component
@Order(2)
class DemoUnitLoader implements ApplicationRunner {

    private final DemoFile demo;
    private final PreventionUnits units;

    DemoUnitLoader(DemoFile demo, PreventionUnits units) {
        this.demo = demo;
        this.units = units;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (JsonNode entry : demo.section("units")) {
            if (!units.exists(entry.get("name").asString())) {
                units.create(null, "demo-loader", demo.as(entry, CreateUnit.class));
            }
        }
    }
}
