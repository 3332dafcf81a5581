package org.tanchang.grid.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Grows the suite's stores to a county's years of work for the growth figures: copies of the newest document the
 * services themselves wrote in a collection (a patrol report, an open incident), each with its own id and its own
 * values of every uniquely indexed field, its dates moved back by up to {@code days} (deadlines too, so a small share
 * of the open cases falls due as in a real backlog), and an empty outbox (their events were published long ago).
 *
 * <p>Usage: {@code GrowthSeeder <mongodb uri> <database.collection> <copies> <days> [...more triples]}.
 */
public final class GrowthSeeder {

    private GrowthSeeder() {
    }

    public static void main(String[] args) {
        try (MongoClient client = MongoClients.create(args[0])) {
            for (int i = 1; i + 2 < args.length; i += 3) {
                String[] target = args[i].split("\\.", 2);
                seed(client.getDatabase(target[0]).getCollection(target[1]), Integer.parseInt(args[i + 1]),
                        Double.parseDouble(args[i + 2]));
            }
        }
    }

    private static void seed(MongoCollection<Document> collection, int copies, double days) {
        Document template = collection.find().sort(Sorts.descending("_id")).first();
        if (template == null) {
            throw new IllegalStateException(collection.getNamespace() + " is empty: run some reports through first");
        }
        Set<String> unique = new TreeSet<>();
        for (Document index : collection.listIndexes()) {
            if (Boolean.TRUE.equals(index.get("unique"))) {
                unique.addAll(index.get("key", Document.class).keySet());
            }
        }
        unique.remove("_id");
        Random random = new Random(17);
        long t0 = System.nanoTime();
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            // a deep copy that keeps every BSON type (extended JSON: longs stay longs, dates dates)
            Document copy = Document.parse(template.toJson(org.bson.json.JsonWriterSettings.builder()
                    .outputMode(org.bson.json.JsonMode.EXTENDED).build()));
            copy.put("_id", template.get("_id") + "-g" + i);
            for (String field : unique) {
                if (copy.get(field) instanceof String value) {
                    copy.put(field, value + "-g" + i);
                }
            }
            long back = (long) (random.nextDouble() * days * 86_400_000L);
            shiftDates(copy, back);
            if (copy.containsKey("outbox")) {
                copy.put("outbox", List.of());
            }
            batch.add(copy);
            if (batch.size() == 2_000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
        System.out.printf("%s: %,d copies of %s in %.1f s (unique fields varied: %s)%n", collection.getNamespace(),
                copies, template.get("_id"), (System.nanoTime() - t0) / 1e9, unique);
    }

    private static void shiftDates(Document document, long back) {
        for (String key : document.keySet()) {
            Object value = document.get(key);
            if (value instanceof Date date) {
                document.put(key, new Date(date.getTime() - back));
            } else if (value instanceof Document inner) {
                shiftDates(inner, back);
            } else if (value instanceof List<?> list) {
                list.stream().filter(Document.class::isInstance).forEach(d -> shiftDates((Document) d, back));
            }
        }
    }
}
