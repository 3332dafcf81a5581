package org.tanchang.grid.mediation.dispute;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.PersistenceCreator;
import org.tanchang.grid.contracts.DeadlineFlag;
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

    /**
     * The running time limit of the current step: yellow at 70% of the way, red when due; {@code raised} is the flag
     * already announced by an event (null, YELLOW, RED).
     */
    record Deadline(String step, String limit, Instant startedAt, Instant dueAt, Instant yellowAt,
            DeadlineFlag raised) {

        @PersistenceCreator // the stored form; two constructors would leave Spring Data guessing
        Deadline {
        }

        /** A new limit: nothing announced yet (a new step or an extension starts its flags afresh). */
        Deadline(String step, String limit, Instant startedAt, Instant dueAt, Instant yellowAt) {
            this(step, limit, startedAt, dueAt, yellowAt, null);
        }

        Deadline announced(DeadlineFlag flag) {
            return new Deadline(step, limit, startedAt, dueAt, yellowAt, flag);
        }
    }

    record TimelineEntry(String action, DisputeState from, DisputeState to, String actorId, String actorName,
            Instant at, String remark) {
    }
}
