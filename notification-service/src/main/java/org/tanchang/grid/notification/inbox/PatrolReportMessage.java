package org.tanchang.grid.notification.inbox;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolFinding;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.platform.time.Times;

/**
 * The Chinese text that tells a responsible officer about a patrol report in their grid. The notification itself is
 * rendered from notification-templates.yml; this supplies the summary of findings, which a template cannot count.
 */
public record PatrolReportMessage(String title, String body) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The kinds of finding as officers name them; counts are listed in the enum's order. */
    private static final Map<FindingKind, String> LABELS = new EnumMap<>(Map.of(
            FindingKind.DISPUTE, "矛盾纠纷",
            FindingKind.INCIDENT, "警情",
            FindingKind.HAZARD, "安全隐患",
            FindingKind.SENTIMENT, "社情民意",
            FindingKind.CARE, "需关爱人员"));

    public static PatrolReportMessage of(PatrolReportSubmitted report) {
        String grid = report.gridName() != null ? report.gridName() : report.gridCode();
        String body = "网格员" + report.memberName() + "提交了" + grid + "的巡查报告（" + when(report.startedAt()) + " 至 "
                + when(report.endedAt()) + "），" + findings(report.findings()) + "。";
        return new PatrolReportMessage("网格巡查报告：" + grid, body);
    }

    /** The findings as officers read them: 发现矛盾纠纷 2 项、警情 1 项, or 未发现问题. */
    public static String findings(List<PatrolFinding> findings) {
        Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
        if (findings != null) {
            findings.stream().filter(f -> f.kind() != null).forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        }
        if (counts.isEmpty()) {
            return "未发现问题";
        }
        StringJoiner list = new StringJoiner("、", "发现", "");
        counts.forEach((kind, count) -> list.add(LABELS.getOrDefault(kind, kind.name()) + " " + count + " 项"));
        return list.toString();
    }

    private static String when(OffsetDateTime time) {
        return time == null ? "时间不详" : Times.local(time).format(MINUTE);
    }
}
