package org.tanchang.grid.platform.web;

import org.tanchang.grid.platform.problem.FieldError;
import org.tanchang.grid.platform.problem.ProblemException;
import java.util.List;

/** Query ranges: a period whose start lies after its end is a client's mistake, not an empty result. */
public final class Ranges {

    private Ranges() {
    }

    /**
     * Refuses a reversed range with a 400 validation problem naming the start parameter; either end may be absent
     * (an open range).
     */
    public static <T extends Comparable<? super T>> void requireOrdered(String fromName, T from, String toName, T to) {
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw ProblemException.invalid(List.of(new FieldError(fromName, "must not be after " + toName)));
        }
    }
}
