package org.tanchang.grid.platform.geo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.tanchang.grid.contracts.grid.GridChanged;
import org.tanchang.grid.platform.test.TestInfrastructure;

class GridMapTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.mongoUri()),
            "gridmap-" + UUID.randomUUID().toString().substring(0, 8));

    private static GridChanged yangjia(long version, String boundary, boolean active) {
        return new GridChanged("621223101001001", "杨家村第一网格", "621223101001", "杨家村", "621223101", "理川镇",
                "621223", boundary, active, version, OffsetDateTime.now());
    }

    @Test
    void keepsTheNewestVersionOfEachGridAndSurvivesARestart() {
        GridMap map = new GridMap(mongo);
        String moved = BoundariesAndGridIndexTest.SQUARE.replace("104.0", "104.5").replace("104.1", "104.6");

        assertThat(map.apply(yangjia(1, BoundariesAndGridIndexTest.SQUARE, true))).isTrue();
        assertThat(map.apply(yangjia(1, BoundariesAndGridIndexTest.SQUARE, true))).as("a redelivery").isFalse();
        assertThat(map.locate(104.05, 34.05)).map(GridArea::villageName).contains("杨家村");
        assertThat(map.apply(yangjia(2, moved, true))).isTrue();
        assertThat(map.apply(yangjia(1, BoundariesAndGridIndexTest.SQUARE, true))).as("an older event").isFalse();
        assertThat(map.locate(104.05, 34.05)).as("the boundary moved away").isEmpty();
        assertThat(map.locate(104.55, 34.05)).map(GridArea::gridCode).contains("621223101001001");

        GridMap restarted = new GridMap(mongo);
        restarted.load();
        assertThat(restarted.locate(104.55, 34.05)).map(GridArea::townshipName).contains("理川镇");
        assertThat(restarted.grid("621223101001001")).isPresent();

        restarted.apply(yangjia(3, moved, false));
        assertThat(restarted.locate(104.55, 34.05)).as("a retired grid is not assigned to").isEmpty();
        assertThat(restarted.grid("621223101001001")).isEmpty();
    }
}
