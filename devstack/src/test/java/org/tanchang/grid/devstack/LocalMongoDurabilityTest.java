package org.tanchang.grid.devstack;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalMongoDurabilityTest {

    private static final String READY = "Mongo wire server ready on 127.0.0.1:";
    private static final int SINGLE_INSERTS = 200;
    private static final int BATCH_INSERTS = 50;

    @TempDir
    Path dataDir;

    @Test
    void acknowledgedWritesSurviveKill9AndUniqueIndexStaysEnforced() throws Exception {
        int port = ChildJvm.freePort();
        Map<String, String> env = Map.of("DATA_DIR", dataDir.toString(), "MONGO_PORT", String.valueOf(port));

        try (ChildJvm mongo = ChildJvm.start(LocalMongo.class, env, "-Xmx256m")) {
            System.out.println("LocalMongo ready after " + mongo.awaitLine(READY + port, Duration.ofSeconds(30)).toMillis() + " ms");
            try (MongoClient client = client(port)) {
                MongoCollection<Document> items = items(client);
                items.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
                for (int i = 0; i < SINGLE_INSERTS; i++) {
                    items.insertOne(new Document("_id", i).append("code", "c" + i));
                }
                List<Document> batch = new ArrayList<>();
                IntStream.range(SINGLE_INSERTS, SINGLE_INSERTS + BATCH_INSERTS)
                        .forEach(i -> batch.add(new Document("_id", i).append("code", "c" + i)));
                items.insertMany(batch);
                items.updateOne(eq("_id", 0), set("touched", true));
                items.deleteOne(eq("_id", 1));

                // No pause: the last acknowledgement is followed straight by SIGKILL.
                assertThat(mongo.kill()).as("exit value after SIGKILL").isEqualTo(128 + 9);
            }
        }

        try (ChildJvm mongo = ChildJvm.start(LocalMongo.class, env, "-Xmx256m")) {
            mongo.awaitLine(READY + port, Duration.ofSeconds(30));
            try (MongoClient client = client(port)) {
                MongoCollection<Document> items = items(client);
                assertThat(items.countDocuments()).isEqualTo(SINGLE_INSERTS + BATCH_INSERTS - 1);
                assertThat(items.find(eq("_id", 0)).first()).containsEntry("touched", true);
                assertThat(items.find(eq("_id", 1)).first()).isNull();
                assertThat(items.find(eq("_id", SINGLE_INSERTS + BATCH_INSERTS - 1)).first()).isNotNull();

                assertThatThrownBy(() -> items.insertOne(new Document("_id", -1).append("code", "c7")))
                        .isInstanceOfSatisfying(MongoWriteException.class,
                                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
            }
            assertThat(mongo.stop(Duration.ofSeconds(20))).as("exit value after SIGTERM").isEqualTo(128 + 15);
        }
    }

    private static MongoClient client(int port) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .writeConcern(WriteConcern.ACKNOWLEDGED)
                .build());
    }

    private static MongoCollection<Document> items(MongoClient client) {
        return client.getDatabase("durability").getCollection("items");
    }
}
