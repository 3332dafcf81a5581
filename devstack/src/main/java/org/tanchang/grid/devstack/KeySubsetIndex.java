package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index that also serves a query naming its keys by equality (or {@code $in}) among other conditions, as
 * {@code {_id: …, version: 3}}: the positions come from the keys alone and the collection matches the rest.
 * Everything else is the wrapped index's own.
 */
final class KeySubsetIndex<P> extends Index<P> {

    private final Index<P> unique;

    KeySubsetIndex(Index<P> unique) {
        super(unique.getName(), unique.getKeys(), unique.toIndexDescription().containsKey("sparse"));
        this.unique = unique;
    }

    @Override
    public boolean canHandle(Document query) {
        if (unique.canHandle(query)) {
            return true;
        }
        Document keysOnly = keysOnly(query);
        return keysOnly != null && unique.canHandle(keysOnly);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        if (unique.canHandle(query)) {
            return unique.getPositions(query);
        }
        return unique.getPositions(keysOnly(query));
    }

    /**
     * The query's conditions on this index's keys, taken from the query itself or from the conjuncts of a top-level
     * {@code $and}; null when it lacks one of them.
     */
    private Document keysOnly(Document query) {
        Document keysOnly = new Document();
        for (String key : keys()) {
            Object condition = conditionOn(query, key);
            if (condition == null) {
                return null;
            }
            keysOnly.put(key, condition);
        }
        return keysOnly;
    }

    private static Object conditionOn(Document query, String key) {
        if (query.get(key) != null) {
            return query.get(key);
        }
        if (query.get("$and") instanceof java.util.Collection<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part && part.get(key) != null) {
                    return part.get(key);
                }
            }
        }
        return null;
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

    @Override
    public boolean isUnique() {
        return true;
    }

    @Override
    public Document toIndexDescription() {
        return unique.toIndexDescription();
    }
}
