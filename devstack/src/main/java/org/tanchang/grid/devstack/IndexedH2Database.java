package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import org.h2.mvstore.MVStore;

/**
 * The stock H2 database with the query planning MongoDB does and the wire server does not: there, an index serves a
 * query only when the query names exactly the index's keys, and secondary (non-unique) indexes are empty shells. So
 * an update by {@code {_id, version}}, an idempotent upsert by {@code {_id, appliedEventIds: {$ne: …}}}, a deadline
 * sweep or the outbox relay's look for pending events each read and match every document of the collection; cost
 * grew with the store, and a store of 100,000 cases spent more time scanning than working.
 *
 * <p>Here a unique index (the {@code _id} index above all) also serves a query that constrains its keys by equality
 * and says more besides ({@link KeySubsetIndex}), and a secondary index is a real one ({@link OrderedIndex}), kept in
 * memory and rebuilt from the documents when the server starts. The collection still matches every candidate against
 * the whole query, so an index only narrows what is read, never what is found.
 *
 * <p>An aggregation that starts with {@code $match} and ends in a {@code $group} or {@code $count} (which is how the
 * driver counts documents: {@code countDocuments}, Spring Data's {@code count} and {@code exists}) takes its input
 * from that query, with the indexes, instead of from every document; its answer is small, so it comes back whole.
 */
final class IndexedH2Database extends H2Database {

    IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    private static final Set<String> FOLDING = Set.of("$group", "$count");

    @Override
    public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver databaseResolver,
            Oplog oplog) {
        if ("aggregate".equals(command) && query.get("pipeline") instanceof List<?> pipeline && pipeline.size() >= 2
                && pipeline.get(0) instanceof Document first && first.size() == 1 && first.get("$match") instanceof Document match
                && pipeline.get(pipeline.size() - 1) instanceof Document last && last.size() == 1
                && FOLDING.contains(last.keySet().iterator().next()) && query.get("aggregate") instanceof String name) {
            MongoCollection<?> collection = resolveCollection(name, false);
            if (collection != null) {
                @SuppressWarnings("unchecked")
                List<Document> rest = (List<Document>) (List<?>) pipeline.subList(1, pipeline.size());
                Aggregation aggregation = Aggregation.fromPipeline(rest, databaseResolver, this, collection, oplog);
                List<Document> result = aggregation.runStages(collection.handleQueryAsStream(match));
                Document cursor = new Document("id", 0L).append("ns", getFullCollectionNamespace(name))
                        .append("firstBatch", result);
                return new Document("cursor", cursor).append("ok", 1.0);
            }
        }
        return super.handleCommand(channel, command, query, databaseResolver, oplog);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new KeySubsetIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
    }

    /**
     * The secondary indexes of each collection, which compare their plans to let the best one answer. Made on first
     * use: the super constructor already opens the stored indexes, before this class's fields are set.
     */
    private java.util.Map<String, List<OrderedIndex<Object>>> secondary;

    private synchronized java.util.Map<String, List<OrderedIndex<Object>>> secondary() {
        if (secondary == null) {
            secondary = new java.util.concurrent.ConcurrentHashMap<>();
        }
        return secondary;
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        List<OrderedIndex<Object>> siblings = secondary().computeIfAbsent(collectionName,
                name -> new java.util.concurrent.CopyOnWriteArrayList<>());
        OrderedIndex<Object> index = new OrderedIndex<>(indexName, keys, sparse, siblings);
        siblings.removeIf(other -> other.getName().equals(indexName));
        siblings.add(index);
        return index;
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
        super.dropIndex(collection, indexName);
        List<OrderedIndex<Object>> siblings = secondary().get(collection.getCollectionName());
        if (siblings != null) {
            siblings.removeIf(index -> index.getName().equals(indexName));
        }
    }

    @Override
    public void dropCollection(String collectionName, Oplog oplog) {
        super.dropCollection(collectionName, oplog);
        secondary().remove(collectionName);
    }
}
