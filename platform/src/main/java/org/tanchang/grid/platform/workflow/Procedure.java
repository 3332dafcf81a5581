package org.tanchang.grid.platform.workflow;

import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;

/**
 * What {@link Steps} needs to know of one kind of aggregate: its table, where its state is, and the bookkeeping every
 * step of it leaves (the state entered, its time limit, the timeline entry, the state-changed event). One per
 * aggregate type; the steps themselves are {@link Effect}s.
 */
public interface Procedure<A extends OutboxOwner, S extends Enum<S>> {

    Workflow<S> workflow();

    S state(A aggregate);

    /** Puts the aggregate into {@code step.to()}: the state, the time limit of the new step, the timeline entry. */
    void enter(A aggregate, Step<S> step);

    /** The event announcing the step, or {@code null} when it is not announced (e.g. a step that keeps the state). */
    OutboxEvent announce(A aggregate, Step<S> step);
}
