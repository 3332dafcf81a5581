package org.tanchang.grid.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.contracts.patrol.ResponsibleOfficer;

class PatrolReportMessageTest {

    private static PatrolReportSubmitted report(List<PatrolFinding> findings) {
        return new PatrolReportSubmitted("pr-1", "621223101001001", "杨家村第一网格", "621223101", "m-1", "李德明",
                OffsetDateTime.parse("2026-05-11T21:00:00+08:00"), OffsetDateTime.parse("2026-05-11T16:30:00Z"),
                new ResponsibleOfficer("officer-lichuan-01", "王建军"), findings);
    }

    @Test
    void countsFindingsPerKindInCountyTime() {
        var message = PatrolReportMessage.of(report(List.of(
                new PatrolFinding(0, FindingKind.INCIDENT, "当归苗被拔", null),
                new PatrolFinding(1, FindingKind.DISPUTE, "牛群踩踏药苗", null),
                new PatrolFinding(2, FindingKind.DISPUTE, "赔偿争执", null))));

        assertThat(message.title()).isEqualTo("网格巡查报告：杨家村第一网格");
        assertThat(message.body()).isEqualTo(
                "网格员李德明提交了杨家村第一网格的巡查报告（2026-05-11 21:00 至 2026-05-12 00:30），发现矛盾纠纷 2 项、警情 1 项。");
    }

    @Test
    void aReportWithoutFindingsSaysSo() {
        assertThat(PatrolReportMessage.of(report(List.of())).body()).endsWith("，未发现问题。");
        assertThat(PatrolReportMessage.of(report(null)).body()).endsWith("，未发现问题。");
    }
}
