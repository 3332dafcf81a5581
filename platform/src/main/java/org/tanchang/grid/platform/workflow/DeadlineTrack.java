package org.tanchang.grid.platform.workflow;

import java.time.Instant;
import org.springframework.data.mongodb.core.query.Criteria;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.outbox.OutboxOwner;

/**
 * One kind of time limit kept on documents of one type, for {@link DeadlineSweep}: where its yellow time, due time
 * and last announced flag are stored (indexed, so a sweep reads only what turned), and what raising a flag does to
 * the aggregate (sets the flag, adds the events that make it news). Declared as a bean; the sweep finds them all.
 *
 * @param name    for logs and metrics ({@code incident-step}, {@code request-first-response})
 * @param yellowAt path of the instant the yellow flag rises
 * @param dueAt   path of the due instant
 * @param flag    path of the flag already raised ({@code null}, YELLOW or RED)
 * @param open    what else must hold while the limit runs (a request's first response not yet given), or null
 */
public record DeadlineTrack<A extends OutboxOwner>(String name, Class<A> type, String yellowAt, String dueAt,
        String flag, Raise<A> raise, Criteria open) {

    public DeadlineTrack(String name, Class<A> type, String yellowAt, String dueAt, String flag, Raise<A> raise) {
        this(name, type, yellowAt, dueAt, flag, raise, null);
    }

    /** The same track, running only while {@code criteria} holds. */
    public DeadlineTrack<A> whileOpen(Criteria criteria) {
        return new DeadlineTrack<>(name, type, yellowAt, dueAt, flag, raise, criteria);
    }

    /** Changes the aggregate in memory for a flag newly raised at {@code now}: the flag field and its events. */
    @FunctionalInterface
    public interface Raise<A> {
        void raise(A aggregate, DeadlineFlag flag, Instant now);
    }

    /** A track over a {@link Deadline} stored at {@code path} (for example {@code deadline}). */
    public static <A extends OutboxOwner> DeadlineTrack<A> of(String name, Class<A> type, String path,
            Raise<A> raise) {
        return new DeadlineTrack<>(name, type, path + ".yellowAt", path + ".dueAt", path + ".raised", raise);
    }
}
