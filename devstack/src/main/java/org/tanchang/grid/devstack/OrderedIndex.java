package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A secondary index for the wire server, in memory: the values of the index's first key, in MongoDB's order of
 * values, each with the positions of the documents that have it (every element of an array, as a multikey index).
 * It answers a query that constrains that first key by equality, {@code $in}, a range or {@code $exists: true}, with
 * candidates the collection then matches against the whole query; the other keys of a compound index and every
 * other condition are left to that match. It never answers for {@code null} or a missing value (a document without
 * the key is not in it), nor for negations, so a candidate set is never short of a match.
 *
 * <p>Rebuilt from the documents when the server starts (the collection fills an empty index), so nothing of it is
 * stored; at 100,000 documents that takes about a second.
 */
final class OrderedIndex<P> extends Index<P> {

    private final NavigableMap<Object, Set<P>> positionsByValue = new TreeMap<>(ValueComparator.asc());
    /** Where each document is, by {@code _id}, for removals (which give the document, not its position). */
    private final Map<Object, P> positionsById = new HashMap<>();
    private final String firstKey;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.firstKey = keys.get(0).getKey();
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return servedCondition(query) != null;
    }

    /**
     * The condition on the first key that this index can answer in full: the query's own, or one of those of a
     * top-level {@code $and} (every conjunct must hold, so the candidates of one are a superset of the matches).
     */
    private Object servedCondition(Document query) {
        if (query.containsKey(firstKey) && servable(query.get(firstKey))) {
            return query.get(firstKey);
        }
        if (query.get("$and") instanceof Collection<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part && part.containsKey(firstKey) && servable(part.get(firstKey))) {
                    return part.get(firstKey);
                }
            }
        }
        return null;
    }

    private static boolean servable(Object condition) {
        if (condition == null) {
            return false;
        }
        if (condition instanceof Document operators && !operators.isEmpty()
                && operators.keySet().iterator().next().startsWith("$")) {
            for (Map.Entry<String, Object> operator : operators.entrySet()) {
                if (served(operator.getKey(), operator.getValue())) {
                    return true;
                }
            }
            return false;
        }
        // plain equality; an embedded document or an array as the value is compared whole, which the order cannot
        // narrow safely
        return !(condition instanceof Document) && !(condition instanceof Collection) && !(condition instanceof Missing);
    }

    private static boolean served(String operator, Object value) {
        return switch (operator) {
            case "$eq", "$gt", "$gte", "$lt", "$lte" -> plain(value);
            case "$in" -> value instanceof Collection<?> values && !values.isEmpty() && values.stream().allMatch(OrderedIndex::plain);
            case "$exists" -> Boolean.TRUE.equals(value) || (value instanceof Number n && n.intValue() != 0);
            default -> false;
        };
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof Missing)
                && !(value instanceof java.util.regex.Pattern) && !de.bwaldvogel.mongo.bson.BsonRegularExpression.isRegularExpression(value);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Object condition = servedCondition(query);
        if (!(condition instanceof Document operators) || operators.isEmpty()
                || !operators.keySet().iterator().next().startsWith("$")) {
            return copy(positionsByValue.get(normalized(condition)));
        }
        // the narrowest one served operator is enough: the collection matches the rest
        Object low = null;
        Object high = null;
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            Object value = operator.getValue();
            switch (operator.getKey()) {
                case "$eq" -> {
                    if (plain(value)) {
                        return copy(positionsByValue.get(normalized(value)));
                    }
                }
                case "$in" -> {
                    if (served("$in", value)) {
                        Set<P> union = new LinkedHashSet<>();
                        for (Object each : (Collection<?>) value) {
                            union.addAll(positionsByValue.getOrDefault(normalized(each), Set.of()));
                        }
                        return union;
                    }
                }
                case "$gt", "$gte" -> low = plain(value) ? normalized(value) : low;
                case "$lt", "$lte" -> high = plain(value) ? normalized(value) : high;
                default -> { }
            }
        }
        NavigableMap<Object, Set<P>> range = positionsByValue;
        // bounds are inclusive: a value equal to a strict bound is a candidate the match then drops
        if (low != null) {
            range = range.tailMap(low, true);
        }
        if (high != null) {
            range = range.headMap(high, true);
        }
        Set<P> candidates = new LinkedHashSet<>();
        range.values().forEach(candidates::addAll);
        return candidates;
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    private Set<P> copy(Set<P> positions) {
        return positions == null ? Set.of() : new LinkedHashSet<>(positions);
    }

    @Override
    public P getPosition(Document document) {
        return null; // not unique: the primary key index tells a document's position
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        positionsById.put(document.get("_id"), position);
        for (Object value : values(document)) {
            positionsByValue.computeIfAbsent(value, v -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionsById.remove(document.get("_id"));
        if (position != null) {
            for (Object value : values(document)) {
                Set<P> positions = positionsByValue.get(value);
                if (positions != null && positions.remove(position) && positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
        return position;
    }

    /** The document's values of the first key (each element of an array), without null and missing ones. */
    private Set<Object> values(Document document) {
        Set<Object> values = new LinkedHashSet<>();
        for (KeyValue keyValue : getKeyValues(document)) {
            Object value = keyValue.normalized().get(0);
            if (value != null && !(value instanceof Missing)) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public synchronized long getCount() {
        return positionsById.size();
    }

    @Override
    public synchronized long getDataSize() {
        return positionsById.size() * 64L; // an estimate for collStats; nothing is stored
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: nothing to refuse
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        positionsById.clear();
    }

    @Override
    public boolean isUnique() {
        return false;
    }
}
