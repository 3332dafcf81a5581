package org.tanchang.grid.platform.consume;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.tanchang.grid.platform.test.TestInfrastructure;

/** Against the real Mongo wire server: the guard and the effect are one write, so duplicates have no second effect. */
class IdempotentWritesTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(TestInfrastructure.mongoUri()),
            "idempotent-writes-test-" + System.nanoTime());
    private final IdempotentWrites writes = new IdempotentWrites(mongo);

    private long count(String id) {
        Document doc = mongo.findById(id, Document.class, "counts");
        return doc == null ? 0 : ((Number) doc.get("reports")).longValue();
    }

    @Test
    void theSameEventTwiceCountsOnce() {
        assertThat(writes.applyOnce("counts", "grid-1", "e-1", new Update().inc("reports", 1))).isTrue();
        assertThat(writes.applyOnce("counts", "grid-1", "e-1", new Update().inc("reports", 1))).isFalse();
        assertThat(writes.applyOnce("counts", "grid-1", "e-2", new Update().inc("reports", 1))).isTrue();

        assertThat(count("grid-1")).isEqualTo(2);
    }

    @Test
    void concurrentDeliveriesOfOneEventCountOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tries.add(() -> writes.applyOnce("counts", "grid-2", "e-race", new Update().inc("reports", 1)));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tries)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(count("grid-2")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void insertOnceRefusesASecondDocumentWithTheSameEventDerivedId() {
        assertThat(writes.insertOnce(new Document("_id", "e-9:0").append("kind", "visit"), "visits")).isTrue();
        assertThat(writes.insertOnce(new Document("_id", "e-9:0").append("kind", "visit"), "visits")).isFalse();
    }
}
