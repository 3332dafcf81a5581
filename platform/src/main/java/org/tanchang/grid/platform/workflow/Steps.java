package org.tanchang.grid.platform.workflow;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.security.Caller;

/**
 * Takes one workflow step, the same way for every aggregate: asks the table (409 when the state does not allow it),
 * runs the action's {@link Effect} (its own rules refuse before anything is written), enters the new state with its
 * time limit and timeline entry, puts the announcing event into the outbox, and writes it all as one versioned
 * update ({@link VersionedWrites}). Loading the aggregate in the caller's scope (404 otherwise) is the caller's part.
 */
public class Steps {

    private final VersionedWrites writes;
    private final Clock clock;

    public Steps(VersionedWrites writes, Clock clock) {
        this.writes = writes;
        this.clock = clock;
    }

    public <A extends OutboxOwner, S extends Enum<S>> A take(Procedure<A, S> procedure, A aggregate, Caller caller,
            String action, String remark, Effect<A, S> effect) {
        VersionedWrites.Snapshot before = writes.read(aggregate);
        S from = procedure.state(aggregate);
        S to = procedure.workflow().next(from, action);
        // milliseconds: what the store keeps, so the answer equals what a later read returns
        Step<S> step = new Step<>(action, from, to, caller, clock.instant().truncatedTo(ChronoUnit.MILLIS), remark);
        effect.apply(aggregate, step);
        procedure.enter(aggregate, step);
        OutboxEvent announced = procedure.announce(aggregate, step);
        if (announced != null) {
            aggregate.outbox().add(announced);
        }
        writes.write(aggregate, before);
        return aggregate;
    }
}
