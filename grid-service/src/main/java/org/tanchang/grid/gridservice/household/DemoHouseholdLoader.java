package org.tanchang.grid.gridservice.household;

import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tanchang.grid.gridservice.demo.DemoFile;
import tools.jackson.databind.JsonNode;

/** Records the demo households of grids that have none yet, so a restart adds nobody twice. */
@Component
@Order(2)
class DemoHouseholdLoader implements ApplicationRunner {

    private final DemoFile demo;
    private final Households households;

    DemoHouseholdLoader(DemoFile demo, Households households) {
        this.demo = demo;
        this.households = households;
    }

    @Override
    public void run(ApplicationArguments args) {
        // decided before loading: a grid's second demo household must not be skipped because of its first
        Set<String> alreadyKnown = new HashSet<>();
        for (JsonNode entry : demo.section("households")) {
            String grid = entry.get("gridCode").asString();
            if (households.anyIn(grid)) {
                alreadyKnown.add(grid);
            }
        }
        for (JsonNode entry : demo.section("households")) {
            if (!alreadyKnown.contains(entry.get("gridCode").asString())) {
                households.create(null, "demo-loader", demo.as(entry, HouseholdRequests.CreateHousehold.class));
            }
        }
    }
}
