package org.tanchang.grid.contracts.grid;

import java.time.OffsetDateTime;

/**
 * One event behind a risk warning: its CloudEvents id and short type, the matter it is about (the event's subject: a
 * dispute, a sentiment, a hazard, an incident id), its grid and when it happened.
 */
public record WarningEvidence(String eventId, String eventType, String matterId, String gridCode, OffsetDateTime at) {
}
