package org.tanchang.grid.mediation.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/** The stored parts of a dispute document (no web types; the API shows them through {@link DisputeView}). */
final class Parts {

    private Parts() {
    }

    /** A party; ID number and phone are stored protected, never in the clear. */
    record Party(int index, PartyKind kind, PartyRole role, String name, ProtectedValue idNumber,
            ProtectedValue phone, String claims) {
    }

    record Session(int index, LocalDate heldOn, String place, List<String> mediatorIds, MediationMethod method,
            String notes, String recordedBy, Instant recordedAt) {
    }

    /** One obligation of a party: what, how much (fen), by when, and when it was performed. */
    record Term(int index, int obligorIndex, Integer beneficiaryIndex, String obligation, long amountFen,
            LocalDate dueOn, LocalDate performedOn, String performedBy) {

        Term performed(LocalDate on, String by) {
            return new Term(index, obligorIndex, beneficiaryIndex, obligation, amountFen, dueOn, on, by);
        }
    }

    record Agreement(String id, LocalDate signedOn, LocalDate effectiveOn, List<Term> terms) {

        boolean allPerformed() {
            return terms.stream().allMatch(t -> t.performedOn() != null);
        }
    }

    /**
     * How mediation ended without agreement: the reason, how ({@link Ending}) and, only when REFERRED, where to. A
     * document stored before endings existed has none and was a referral.
     */
    record Termination(String reason, Referral referral, Ending ending) {

        Termination {
            ending = ending != null ? ending : Ending.REFERRED;
        }
    }

    /** Why a party was not visited (moved away, refused to be asked ...), recorded instead of a visit. */
    record VisitExcuse(int partyIndex, String partyName, String reason, String recordedBy, Instant recordedAt) {
    }

    /** Supervision (督办): who pressed for progress, when, why, and by which day if they said. */
    record Supervision(String supervisorId, String supervisorName, Instant at, String reason, LocalDate deadline) {
    }

    /** Judicial confirmation: applied on a day, then confirmed or not. */
    record Confirmation(LocalDate appliedOn, Boolean confirmed, String remark) {
    }

    record TimelineEntry(String action, DisputeState from, DisputeState to, String actorId, String actorName,
            Instant at, String remark) {
    }
}
