package org.tanchang.grid.contracts.mediation;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * mediation-service opened a dispute, for example from a DISPUTE finding of a patrol report. {@code type} and
 * {@code riskLevel} are mediation's codes at opening (the mediator may still reclassify on acceptance; the state
 * changes carry the type from then on); null in events published before they were added.
 *
 * @param openedAt     when mediation-service opened it (processing time)
 * @param originatedAt when the fact that opened it happened: the end of the patrol for a patrol finding, the
 *                     referral for a referred request, the opening itself for a walk-in; statistics count the dispute
 *                     on this day. Null in events published before it was added (readers fall back to
 *                     {@code openedAt}).
 */
public record DisputeOpened(
        String disputeId,
        String gridCode,
        String source,
        String sourceReference,
        String description,
        OffsetDateTime openedAt,
        String type,
        String riskLevel,
        OffsetDateTime originatedAt) {

    /** Without type and risk (schema v1 as first published). */
    public DisputeOpened(String disputeId, String gridCode, String source, String sourceReference, String description,
            OffsetDateTime openedAt) {
        this(disputeId, gridCode, source, sourceReference, description, openedAt, null, null, null);
    }

    /** With type and risk, without the originating time (as published before issue 13). */
    public DisputeOpened(String disputeId, String gridCode, String source, String sourceReference, String description,
            OffsetDateTime openedAt, String type, String riskLevel) {
        this(disputeId, gridCode, source, sourceReference, description, openedAt, type, riskLevel, null);
    }

    public static final EventType<DisputeOpened> TYPE =
            new EventType<>("DisputeOpened", Topics.DISPUTES, 1, DisputeOpened.class);
}
