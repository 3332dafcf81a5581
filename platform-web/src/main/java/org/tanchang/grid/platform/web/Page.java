package org.tanchang.grid.platform.web;

import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;

/** One page of a list response; {@code total} counts all matches of the filter. */
public record Page<T>(List<T> items, int page, int size, long total) {

    /**
     * Runs a filtered list query the suite's way: the total of the filter, then one page in a stable order (the sort
     * given, then {@code _id} so equal keys never swap between pages), each document mapped to its API view.
     */
    public static <D, T> Page<T> query(MongoOperations mongo, Query filter, Class<D> type, Sort sort, int page,
            int size, Function<D, T> view) {
        long total = mongo.count(filter, type);
        Query pageQuery = Query.of(filter).with(sort.and(Sort.by("_id"))).skip((long) page * size).limit(size);
        List<T> items = mongo.find(pageQuery, type).stream().map(view).toList();
        return new Page<>(items, page, size, total);
    }

    /**
     * One page of a list computed whole in memory (figures, rankings, a small catalogue), so that it answers in the
     * same shape as every other collection.
     */
    public static <T> Page<T> slice(List<T> all, int page, int size) {
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), page, size, all.size());
    }
}
