package org.tanchang.grid.cases.lost;

/**
 * The states of lost property; the steps between them are {@link FoundItemWorkflow} and {@link LostReportWorkflow}.
 * A lost report follows the found item it is matched to: the
 * officer's confirmed match moves both to MATCHED, the verified handover both to RETURNED. A found item may be
 * matched straight from custody or while under public notice; only a noticed item can be disposed of, and only once
 * its notice period has run out (checked on top of the table). A confirmed match that proves wrong at the counter is
 * released: the report is OPEN again and the item back in custody (and, if it was under notice, under the same notice
 * again, its clock untouched). Anything else is a 409 listing the allowed actions.
 */
final class LostStates {

    enum Report { OPEN, MATCHED, RETURNED }

    enum Found { IN_CUSTODY, NOTICED, MATCHED, RETURNED, DISPOSED }

    private LostStates() {
    }
}
