package org.tanchang.grid.devstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A secondary index for the wire server, in memory, as MongoDB's B-tree: entries ordered by the index's keys in turn
 * (missing before null before values in MongoDB's order of values), each with the positions of the documents that
 * have them, an entry per element of an array (multikey). A query is answered as mongod answers with such an index:
 * leading keys fixed by equality or {@code $in} (null included, which also finds documents without the key), then
 * at most one key bounded by a range or {@code $exists: true}; the keys after that, and every other condition, are
 * left to the collection, which matches each candidate against the whole query. Conditions it cannot bound (a
 * negation, a regular expression, an embedded document) on the first key leave the query to another index or a scan,
 * so a candidate set is never short of a match.
 *
 * <p>Rebuilt from the documents when the server starts (the collection fills an empty index), so nothing of it is
 * stored.
 */
final class OrderedIndex<P> extends Index<P> {

    /** Key parts that are not values; the order of the enum is their order, values sort between NULL and MAX. */
    private enum Bound { MIN, MISSING, NULL, MAX }

    private static final Comparator<Object> PART = (a, b) -> {
        if (a instanceof Bound x && b instanceof Bound y) {
            return x.compareTo(y);
        }
        if (a instanceof Bound x) {
            return x == Bound.MAX ? 1 : -1;
        }
        if (b instanceof Bound y) {
            return y == Bound.MAX ? -1 : 1;
        }
        return ValueComparator.asc().compare(a, b);
    };

    private static final Comparator<Object[]> ENTRY = (a, b) -> {
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int c = PART.compare(a[i], b[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length, b.length);
    };

    /** Beyond this many fixed prefixes (from {@code $in} lists) the index declines and the collection scans. */
    private static final int MAX_PREFIXES = 256;

    private final NavigableMap<Object[], Set<P>> entries = new TreeMap<>(ENTRY);
    /** Where each document is, by {@code _id}, for removals (which give the document, not its position). */
    private final Map<Object, P> positionsById = new HashMap<>();
    private final List<String> paths;
    /** The collection's secondary indexes, this one among them. */
    private final List<OrderedIndex<P>> siblings;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        this(name, keys, sparse, List.of());
    }

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse, List<OrderedIndex<P>> siblings) {
        super(name, keys, sparse);
        this.paths = keys.stream().map(IndexKey::getKey).toList();
        this.siblings = siblings;
    }

    /** The bounds a query puts on the leading keys: fixed prefixes, then an optional range on the next key. */
    private record Plan(List<Object[]> prefixes, Object[] low, Object[] high) {
    }

    /**
     * The collection asks its indexes in turn and takes the first that can answer; like mongod's planner, an index
     * here answers only when no other of the collection bounds more keys of the query (the deadline sweep's
     * {@code {flag, dueAt <= now}} goes to {@code (flag, dueAt)}, not to {@code (flag, yellowAt)}, which bounds only
     * the flag and would hand back every unflagged case).
     */
    @Override
    public boolean canHandle(Document query) {
        int mine = boundKeys(query);
        if (mine == 0) {
            return false;
        }
        for (OrderedIndex<P> other : siblings) {
            int theirs = other == this ? 0 : other.boundKeys(query);
            if (theirs > mine || (theirs == mine && theirs > 0 && siblings.indexOf(other) < siblings.indexOf(this))) {
                return false;
            }
        }
        return true;
    }

    /** How many of the leading keys the query bounds (0: this index cannot answer it). Reads no entries. */
    int boundKeys(Document query) {
        Plan plan = plan(query);
        if (plan == null) {
            return 0;
        }
        return plan.prefixes().get(0).length + (plan.low() != null || plan.high() != null ? 1 : 0);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Plan plan = plan(query);
        Set<P> candidates = new LinkedHashSet<>();
        for (Object[] prefix : plan.prefixes()) {
            Object[] from = bound(prefix, plan.low(), Bound.MIN);
            Object[] to = bound(prefix, plan.high(), Bound.MAX);
            entries.subMap(from, true, to, true).values().forEach(candidates::addAll);
        }
        return candidates;
    }

    /** A full-length key: the prefix, the range's bound on the next key (or the open end), the open end after. */
    private Object[] bound(Object[] prefix, Object[] range, Bound open) {
        Object[] key = Arrays.copyOf(prefix, paths.size());
        for (int i = prefix.length; i < key.length; i++) {
            key[i] = i == prefix.length && range != null ? range[0] : open;
        }
        return key;
    }

    /** Null when the index cannot bound the first key. */
    private Plan plan(Document query) {
        List<Object[]> prefixes = new ArrayList<>();
        prefixes.add(new Object[0]);
        for (String path : paths) {
            Object condition = conditionOn(query, path);
            List<Object> equal = equalities(condition);
            if (equal != null && prefixes.size() * equal.size() <= MAX_PREFIXES) {
                prefixes = extended(prefixes, equal);
                continue;
            }
            Object[][] range = range(condition);
            if (range == null && prefixes.get(0).length == 0) {
                return null; // nothing bounds the first key
            }
            return range == null ? new Plan(prefixes, null, null) : new Plan(prefixes, range[0], range[1]);
        }
        return new Plan(prefixes, null, null);
    }

    /** The query's condition on a key: its own, or that of a conjunct of a top-level {@code $and}. */
    private static Object conditionOn(Document query, String path) {
        if (query.containsKey(path)) {
            return query.get(path);
        }
        if (query.get("$and") instanceof Collection<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part && part.containsKey(path)) {
                    return part.get(path);
                }
            }
        }
        return Missing.getInstance();
    }

    private static boolean isOperators(Object condition) {
        return condition instanceof Document d && !d.isEmpty() && d.keySet().iterator().next().startsWith("$");
    }

    /** The entry parts an equality or {@code $in} fixes (null: also documents without the key), or null. */
    private static List<Object> equalities(Object condition) {
        if (condition instanceof Missing) {
            return null;
        }
        if (!isOperators(condition)) {
            return plainOrNull(condition) ? parts(condition) : null;
        }
        Document operators = (Document) condition;
        if (operators.get("$eq") != null || operators.containsKey("$eq")) {
            return plainOrNull(operators.get("$eq")) ? parts(operators.get("$eq")) : null;
        }
        if (operators.get("$in") instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(OrderedIndex::plainOrNull)) {
            List<Object> parts = new ArrayList<>();
            values.forEach(v -> parts.addAll(parts(v)));
            return parts;
        }
        return null;
    }

    private static List<Object> parts(Object value) {
        return value == null ? List.of(Bound.NULL, Bound.MISSING) : List.of(normalized(value));
    }

    /** {@code [low, high]} (each a one-part array, or null for open) of a range or {@code $exists: true}, or null. */
    private static Object[][] range(Object condition) {
        if (!isOperators(condition)) {
            return null;
        }
        Object[] low = null;
        Object[] high = null;
        boolean bounded = false;
        for (Map.Entry<String, Object> operator : ((Document) condition).entrySet()) {
            Object value = operator.getValue();
            switch (operator.getKey()) {
                // bounds are inclusive: a value equal to a strict bound is a candidate the match then drops
                case "$gt", "$gte" -> {
                    if (plain(value)) {
                        low = new Object[] {normalized(value)};
                        bounded = true;
                    }
                }
                case "$lt", "$lte" -> {
                    if (plain(value)) {
                        high = new Object[] {normalized(value)};
                        bounded = true;
                    }
                }
                case "$exists" -> {
                    if (Boolean.TRUE.equals(value) || (value instanceof Number n && n.intValue() != 0)) {
                        low = low == null ? new Object[] {Bound.NULL} : low;
                        bounded = true;
                    }
                }
                default -> { }
            }
        }
        if (!bounded) {
            return null;
        }
        // a range never matches a missing key or null
        return new Object[][] {low == null ? new Object[] {Bound.NULL} : low, high};
    }

    private static boolean plainOrNull(Object value) {
        return value == null || plain(value);
    }

    private static boolean plain(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection) && !(value instanceof Missing)
                && !(value instanceof java.util.regex.Pattern) && !BsonRegularExpression.isRegularExpression(value);
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    /** Every entry of a document: one part per key, an array's elements each in turn (a cartesian product). */
    private List<Object[]> entriesOf(Document document) {
        List<Object[]> keys = new ArrayList<>();
        keys.add(new Object[0]);
        for (String path : paths) {
            Object value = Utils.getSubdocumentValueCollectionAware(document, path);
            List<Object> parts = new ArrayList<>();
            if (value instanceof Missing || (value instanceof Collection<?> c && c.isEmpty())) {
                parts.add(Bound.MISSING);
            } else if (value instanceof Collection<?> elements) {
                elements.forEach(e -> parts.add(e == null ? Bound.NULL : e instanceof Missing ? Bound.MISSING : normalized(e)));
            } else {
                parts.add(value == null ? Bound.NULL : normalized(value));
            }
            keys = extended(keys, parts);
        }
        return keys;
    }

    /** Every key followed by every part in turn: the keys one part longer (a cartesian product). */
    private static List<Object[]> extended(List<Object[]> keys, List<Object> parts) {
        List<Object[]> longer = new ArrayList<>(keys.size() * parts.size());
        for (Object[] key : keys) {
            for (Object part : parts) {
                Object[] next = Arrays.copyOf(key, key.length + 1);
                next[key.length] = part;
                longer.add(next);
            }
        }
        return longer;
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
        for (Object[] entry : entriesOf(document)) {
            entries.computeIfAbsent(entry, e -> new LinkedHashSet<>()).add(position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positionsById.remove(document.get("_id"));
        if (position != null) {
            for (Object[] entry : entriesOf(document)) {
                Set<P> positions = entries.get(entry);
                if (positions != null && positions.remove(position) && positions.isEmpty()) {
                    entries.remove(entry);
                }
            }
        }
        return position;
    }

    @Override
    public synchronized long getCount() {
        return positionsById.size();
    }

    @Override
    public synchronized long getDataSize() {
        return entries.size() * 64L; // an estimate for collStats; nothing is stored
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
        entries.clear();
        positionsById.clear();
    }

    @Override
    public boolean isUnique() {
        return false;
    }
}
