package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** A mediation session was held (date, place, method among the "five face to face"). Keyed by dispute id. */
public record MediationSessionHeld(
        String disputeId,
        String sessionId,
        String gridCode,
        LocalDate heldOn,
        String place,
        String method,
        List<String> mediatorIds) {

    public static final EventType<MediationSessionHeld> TYPE =
            new EventType<>("MediationSessionHeld", Topics.DISPUTES, 1, MediationSessionHeld.class);
}
