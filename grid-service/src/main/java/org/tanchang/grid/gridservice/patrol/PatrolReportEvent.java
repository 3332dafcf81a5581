package org.tanchang.grid.gridservice.patrol;

import java.util.List;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingParty;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;
import org.tanchang.grid.gridservice.grid.Grid;
import org.tanchang.grid.platform.personaldata.FreeText;
import org.tanchang.grid.platform.time.Times;

/**
 * The {@code PatrolReportSubmitted} event of a stored report. What the member typed (a finding's description, a
 * party's claims) is scrubbed of ID and mobile numbers: every consumer reads the event, while the stored report keeps
 * the text as typed for the officers of the area. Names stay as written (consumers mask them when they display).
 */
final class PatrolReportEvent {

    private PatrolReportEvent() {
    }

    static PatrolReportSubmitted of(PatrolReport r, Grid grid) {
        ResponsibleOfficer officer = grid.responsibleOfficer() == null ? null
                : new ResponsibleOfficer(grid.responsibleOfficer().id(), grid.responsibleOfficer().name());
        List<PatrolFinding> findings = r.findings.stream()
                .map(f -> new PatrolFinding(f.index(), f.kind(), FreeText.scrub(f.description()), f.location(),
                        f.photoUrls(), f.peopleConcerned(), scrubbed(f.dispute()))).toList();
        return new PatrolReportSubmitted(r.id, grid.code(), grid.name(), grid.townshipCode(), r.memberId, r.memberName,
                Times.local(r.startedAt), Times.local(r.endedAt), officer, findings, r.checkpointsReached,
                r.routeCoverage);
    }

    private static FindingDispute scrubbed(FindingDispute dispute) {
        if (dispute == null) {
            return null;
        }
        return new FindingDispute(dispute.type(), dispute.riskLevel(), dispute.parties().stream()
                .map(p -> new FindingParty(p.kind(), p.role(), p.name(), FreeText.scrub(p.claims()), p.gridCode()))
                .toList());
    }
}
