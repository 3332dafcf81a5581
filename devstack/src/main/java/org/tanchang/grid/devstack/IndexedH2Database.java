package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
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
 */
final class IndexedH2Database extends H2Database {

    IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
        super(databaseName, mvStore, cursorRegistry);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new KeySubsetIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
    }

    @Override
    protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
            boolean sparse) {
        return new OrderedIndex<>(indexName, keys, sparse);
    }
}
