package org.tanchang.grid.cases.lost;

import org.tanchang.grid.platform.workflow.StateMachine;

/**
 * The two workflows of lost property as explicit tables. A lost report follows the found item it is matched to: the
 * officer's confirmed match moves both to MATCHED, the verified handover both to RETURNED. A found item may be
 * matched straight from custody or while under public notice; only a noticed item can be disposed of, and only once
 * its notice period has run out (checked on top of the table). A confirmed match that proves wrong at the counter is
 * released: the report is OPEN again and the item back in custody (and, if it was under notice, under the same notice
 * again, its clock untouched). Anything else is a 409 listing the allowed actions.
 */
final class LostStates {

    enum Report { OPEN, MATCHED, RETURNED }

    enum Found { IN_CUSTODY, NOTICED, MATCHED, RETURNED, DISPOSED }

    static final StateMachine<Report> REPORT = StateMachine.of(Report.class)
            .allow("match", Report.MATCHED, Report.OPEN)
            .allow("claim", Report.RETURNED, Report.MATCHED)
            .allow("release", Report.OPEN, Report.MATCHED)
            .build();

    static final StateMachine<Found> FOUND = StateMachine.of(Found.class)
            .allow("match", Found.MATCHED, Found.IN_CUSTODY, Found.NOTICED)
            .allow("notice", Found.NOTICED, Found.IN_CUSTODY)
            .allow("claim", Found.RETURNED, Found.MATCHED)
            .allow("release", Found.IN_CUSTODY, Found.MATCHED)
            .allow("dispose", Found.DISPOSED, Found.NOTICED)
            .build();

    private LostStates() {
    }
}
