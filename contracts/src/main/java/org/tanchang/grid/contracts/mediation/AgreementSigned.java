package org.tanchang.grid.contracts.mediation;

import java.time.LocalDate;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/** The parties signed a mediation agreement. Amounts in fen. Keyed by dispute id. */
public record AgreementSigned(
        String disputeId,
        String agreementId,
        String gridCode,
        int termCount,
        long totalAmountFen,
        LocalDate signedOn) {

    public static final EventType<AgreementSigned> TYPE =
            new EventType<>("AgreementSigned", Topics.DISPUTES, 1, AgreementSigned.class);
}
