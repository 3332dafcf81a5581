package org.tanchang.grid.notification.rules;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.contracts.patrol.PatrolReportSubmitted;
import org.tanchang.grid.notification.inbox.PatrolReportMessage;

/** Values a template needs but cannot compute from the event's fields (counts of findings per kind). */
final class Enrichment {

    private Enrichment() {
    }

    static void add(Object event, Map<String, Object> model) {
        if (event instanceof PatrolReportSubmitted report) {
            model.put("findingsZh", PatrolReportMessage.findings(report.findings()));
            Map<FindingKind, Integer> counts = new EnumMap<>(FindingKind.class);
            if (report.findings() != null) {
                report.findings().stream().filter(f -> f.kind() != null)
                        .forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
            }
            StringJoiner en = new StringJoiner(", ");
            en.setEmptyValue("nothing found");
            counts.forEach((kind, n) -> en.add(n + " " + kind.name().toLowerCase()));
            model.put("findingsEn", en.toString());
        }
    }
}
