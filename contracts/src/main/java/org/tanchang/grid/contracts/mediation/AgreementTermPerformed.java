package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** One term of an agreement was performed (the herder paid household 7 of 12). Keyed by dispute id. */
public record AgreementTermPerformed(
        String disputeId,
        String agreementId,
        String gridCode,
        int termIndex,
        long amountFen,
        LocalDate performedOn,
        boolean allPerformed) {

    public static final EventType<AgreementTermPerformed> TYPE =
            new EventType<>("AgreementTermPerformed", Topics.DISPUTES, 1, AgreementTermPerformed.class);
}
