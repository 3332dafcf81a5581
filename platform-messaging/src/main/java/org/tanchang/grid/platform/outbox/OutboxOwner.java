package org.tanchang.grid.platform.outbox;

import java.util.List;

/**
 * A document that keeps the events of its own changes until the relay has published them, so that the change and its
 * events are one write. The relay finds every collection to read from this type; the stored field is always
 * {@value #FIELD}.
 */
public interface OutboxOwner {

    /** The stored field of the unpublished events. */
    String FIELD = Outbox.FIELD;

    /** The unpublished events, in order; a change adds to this list and is saved with it. */
    List<OutboxEvent> outbox();
}
