package org.tanchang.grid.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable backend plans queries with its indexes; what a query finds must be exactly what the stock wire server
 * finds by reading every document. The same documents, writes and queries go to both, and every answer is compared,
 * also after updates that move indexed values, deletions and a restart (which rebuilds the in-memory indexes).
 */
class IndexedQueriesTest {

    private static final Date T0 = new Date(1_796_000_000_000L);

    @TempDir
    Path dataDir;

    @Test
    void indexedAnswersAreTheFullScansAnswers() {
        Path file = dataDir.resolve("planned.mv");
        MongoServer planned = new MongoServer(DurableH2Backend.open(file));
        MongoServer scanned = new MongoServer(H2Backend.inMemory());
        InetSocketAddress plannedAt = planned.bind();
        InetSocketAddress scannedAt = scanned.bind();
        try (MongoClient a = client(plannedAt); MongoClient b = client(scannedAt)) {
            List<MongoCollection<Document>> both = List.of(cases(a), cases(b));
            for (MongoCollection<Document> cases : both) {
                cases.createIndex(Indexes.ascending("state"));
                cases.createIndex(Indexes.ascending("dueAt"));
                cases.createIndex(Indexes.ascending("outbox.eventId"), new IndexOptions().sparse(true));
                cases.createIndex(Indexes.compoundIndex(Indexes.ascending("gridCode"), Indexes.descending("openedAt")));
                cases.createIndex(Indexes.compoundIndex(Indexes.ascending("flag"), Indexes.ascending("dueAt")));
                cases.insertMany(documents());
            }
            assertSameAnswers(both);

            for (MongoCollection<Document> cases : both) {
                // a versioned write, an idempotent upsert, moved deadlines, an emptied outbox, a deletion
                cases.updateOne(Filters.and(Filters.eq("_id", "c-7"), Filters.eq("version", 0L)),
                        Updates.combine(Updates.set("state", "CLOSED"), Updates.inc("version", 1L)));
                cases.updateOne(Filters.and(Filters.eq("_id", "c-8"), Filters.ne("applied", "e-1")),
                        Updates.push("applied", "e-1"));
                cases.updateMany(Filters.eq("state", "OPEN"), Updates.set("dueAt", new Date(T0.getTime() + 5_000)));
                cases.updateMany(Filters.exists("outbox.eventId"), Updates.set("outbox", List.of()));
                cases.deleteMany(Filters.eq("gridCode", "g-3"));
            }
            assertSameAnswers(both);
        }
        planned.shutdownNow();

        // a new server on the same file: the indexes are rebuilt from what was stored
        MongoServer reopened = new MongoServer(DurableH2Backend.open(file));
        try (MongoClient a = client(reopened.bind()); MongoClient b = client(scannedAt)) {
            assertSameAnswers(List.of(cases(a), cases(b)));
            assertThat(cases(a).countDocuments(Filters.eq("state", "CLOSED"))).isPositive();
        } finally {
            reopened.shutdownNow();
            scanned.shutdownNow();
        }
    }

    @Test
    void aSecondaryIndexServesOnlyWhatItCanAnswerInFull() {
        OrderedIndex<Object> state = new OrderedIndex<>("state_1", List.of(new IndexKey("state", true)), false);
        assertThat(state.canHandle(doc("state", "OPEN"))).isTrue();
        assertThat(state.canHandle(doc("state", doc("$in", List.of("OPEN", "REGISTERED"))))).isTrue();
        assertThat(state.canHandle(doc("state", doc("$lte", "P")))).isTrue();
        assertThat(state.canHandle(doc("state", doc("$exists", true)))).isTrue();
        // null is indexed (it also finds documents without the key), as in MongoDB
        assertThat(state.canHandle(doc("state", null))).isTrue();
        assertThat(state.canHandle(doc("state", doc("$in", java.util.Arrays.asList("OPEN", null))))).isTrue();
        // a negation or a pattern needs every document; a query on another key is not this index's
        assertThat(state.canHandle(doc("state", doc("$ne", "OPEN")))).isFalse();
        assertThat(state.canHandle(doc("state", doc("$exists", false)))).isFalse();
        assertThat(state.canHandle(doc("state", java.util.regex.Pattern.compile("^OP")))).isFalse();
        assertThat(state.canHandle(doc("other", "x"))).isFalse();

        OrderedIndex<Object> due = new OrderedIndex<>("flag_1_dueAt_1",
                List.of(new IndexKey("flag", true), new IndexKey("dueAt", true)), false);
        // the deadline sweep's question: unflagged or yellow, due by now
        assertThat(due.canHandle(doc("$and", List.of(
                doc("dueAt", doc("$lte", new Date())).append("flag", doc("$in", java.util.Arrays.asList(null, "YELLOW"))),
                doc("state", doc("$in", List.of("OPEN"))))))).isTrue();
        assertThat(due.canHandle(doc("dueAt", doc("$lte", new Date())))).as("the first key is not bounded").isFalse();

        // of two indexes that could answer, the one that bounds more of the query does, as mongod's planner chooses
        List<OrderedIndex<Object>> siblings = new java.util.ArrayList<>();
        OrderedIndex<Object> yellowFirst = new OrderedIndex<>("flag_1_yellowAt_1",
                List.of(new IndexKey("flag", true), new IndexKey("yellowAt", true)), false, siblings);
        OrderedIndex<Object> dueSecond = new OrderedIndex<>("flag_1_dueAt_1",
                List.of(new IndexKey("flag", true), new IndexKey("dueAt", true)), false, siblings);
        siblings.addAll(List.of(yellowFirst, dueSecond));
        de.bwaldvogel.mongo.bson.Document red = doc("dueAt", doc("$lte", new Date()))
                .append("flag", doc("$in", java.util.Arrays.asList(null, "YELLOW")));
        assertThat(yellowFirst.canHandle(red)).isFalse();
        assertThat(dueSecond.canHandle(red)).isTrue();
        de.bwaldvogel.mongo.bson.Document unflagged = doc("flag", null);
        assertThat(yellowFirst.canHandle(unflagged)).as("a tie goes to the first").isTrue();
        assertThat(dueSecond.canHandle(unflagged)).isFalse();
    }

    private static de.bwaldvogel.mongo.bson.Document doc(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    private static void assertSameAnswers(List<MongoCollection<Document>> both) {
        List<Bson> queries = List.of(
                Filters.eq("state", "OPEN"),
                Filters.in("state", "OPEN", "REGISTERED"),
                Filters.and(Filters.eq("state", "OPEN"), Filters.lte("dueAt", new Date(T0.getTime() + 300_000))),
                Filters.and(Filters.gt("dueAt", new Date(T0.getTime() + 100_000)), Filters.lt("dueAt", new Date(T0.getTime() + 200_000))),
                Filters.gte("dueAt", new Date(T0.getTime() + 400_000)),
                Filters.lte("dueAt", new Date(T0.getTime() + 300_000)),
                Filters.exists("outbox.eventId"),
                Filters.eq("outbox.eventId", "e-c-11-0"),
                Filters.eq("state", null),
                Filters.exists("dueAt", false),
                Filters.ne("state", "OPEN"),
                Filters.eq("gridCode", "g-2"),
                Filters.and(Filters.eq("gridCode", "g-1"), Filters.gte("openedAt", new Date(T0.getTime() + 50_000))),
                Filters.and(Filters.eq("_id", "c-7"), Filters.eq("version", 1L)),
                Filters.and(Filters.eq("_id", "c-8"), Filters.ne("applied", "e-1")),
                Filters.in("_id", "c-1", "c-2", "c-404"),
                // the deadline sweep's questions, as Spring Data sends them
                new Document("$and", List.of(new Document("dueAt", new Document("$lte", new Date(T0.getTime() + 250_000)))
                                .append("flag", new Document("$in", java.util.Arrays.asList(null, "YELLOW"))),
                        new Document("state", new Document("$in", List.of("OPEN", "REGISTERED"))))),
                new Document("flag", null).append("dueAt", new Document("$gt", new Date(T0.getTime() + 100_000)))
                        .append("state", "OPEN"),
                Filters.eq("flag", "RED"),
                Filters.and(Filters.in("flag", "RED", "YELLOW"), Filters.gte("dueAt", new Date(T0.getTime() + 200_000))),
                Filters.eq("tags", "urgent"),
                Filters.eq("priority", 2),
                Filters.eq("priority", 2.0));
        for (Bson query : queries) {
            List<Document> planned = both.get(0).find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            List<Document> scanned = both.get(1).find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(planned).as("query %s", query).isEqualTo(scanned);
            // how the driver and Spring Data count: an aggregation of $match and $group
            assertThat(both.get(0).countDocuments(query)).as("count of %s", query).isEqualTo(scanned.size());
            List<Bson> grouped = List.of(Aggregates.match(query), Aggregates.group("$state", Accumulators.sum("n", 1)));
            assertThat(sorted(both.get(0).aggregate(grouped).into(new ArrayList<>())))
                    .as("groups of %s", query).isEqualTo(sorted(both.get(1).aggregate(grouped).into(new ArrayList<>())));
        }
    }

    private static List<Document> sorted(List<Document> groups) {
        groups.sort(java.util.Comparator.comparing(d -> String.valueOf(d.get("_id"))));
        return groups;
    }

    private static List<Document> documents() {
        Random random = new Random(17);
        List<String> states = List.of("OPEN", "REGISTERED", "CLOSED");
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Document d = new Document("_id", "c-" + i).append("version", 0L)
                    .append("gridCode", "g-" + (i % 5))
                    .append("openedAt", new Date(T0.getTime() + i * 1_000L))
                    .append("priority", i % 3 == 0 ? (Object) 2 : (Object) (long) (i % 3))
                    .append("tags", i % 4 == 0 ? List.of("urgent", "night") : List.of());
            if (i % 10 != 0) {
                d.append("state", states.get(random.nextInt(states.size())));
            } else if (i % 20 == 0) {
                d.append("state", null);
            }
            if (i % 7 != 0) {
                d.append("dueAt", new Date(T0.getTime() + (i * 37 % 500) * 1_000L)); // c-400: exactly +300 s
            }
            if (i % 5 == 1) {
                d.append("flag", i % 2 == 0 ? "RED" : "YELLOW");
            } else if (i % 5 == 2) {
                d.append("flag", null);
            }
            d.append("outbox", i % 3 == 2 ? List.of(new Document("eventId", "e-c-" + i + "-0")) : List.of());
            documents.add(d);
        }
        return documents;
    }

    private static MongoCollection<Document> cases(MongoClient client) {
        return client.getDatabase("planning").getCollection("cases");
    }

    private static MongoClient client(InetSocketAddress address) {
        return MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }
}
