package org.tanchang.grid.platform.workflow;

/**
 * What one action does beyond the bookkeeping every step shares: checks its own rules (throwing a problem before
 * anything is written) and changes the aggregate in memory, adding any events of its own to the aggregate's outbox.
 * A plain function of the aggregate, so a unit test calls it without Spring or a database.
 */
@FunctionalInterface
public interface Effect<A, S extends Enum<S>> {

    void apply(A aggregate, Step<S> step);

    static <A, S extends Enum<S>> Effect<A, S> none() {
        return (aggregate, step) -> { };
    }
}
