package org.tanchang.grid.gridservice.grid;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the Tanchang demo grids so the suite is alive on first run. Upserts by code: restarting never duplicates,
 * and an edited file updates the grids it names. Set {@code tanchang.grid.demo-data} empty to load nothing.
 */
@Component
class DemoGridLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGridLoader.class);

    private final MongoOperations mongo;
    private final Resource data;

    DemoGridLoader(MongoOperations mongo, @Value("${tanchang.grid.demo-data:}") Resource data) {
        this.mongo = mongo;
        this.data = data;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (data == null || !data.exists()) {
            return;
        }
        try (InputStream in = data.getInputStream()) {
            List<Grid> grids = JsonMapper.builder().build().readValue(in, new TypeReference<List<Grid>>() { });
            grids.forEach(mongo::save);
            log.info("Loaded {} demo grids from {}", grids.size(), data.getDescription());
        }
    }
}
