package org.tanchang.grid.gridservice.api;

import java.util.List;

/** One page of a list response; {@code total} counts all matches of the filter. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
