package org.tanchang.grid.gridservice.warning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.tanchang.grid.gridservice.warning.RiskWarning.State;
import org.tanchang.grid.platform.time.Times;

/** A risk warning as the API shows it: the rule, the area, the figures and the events behind it, its handling. */
record RiskWarningView(String id, String ruleId, String title, String level, String areaCode, String gridCode,
        String groupKey, Map<String, Long> figures, List<EvidenceView> evidence, State state,
        OffsetDateTime raisedAt, String handling, List<EntryView> timeline, long version) {

    record EvidenceView(String eventId, String eventType, String matterId, String gridCode, OffsetDateTime at) {
    }

    record EntryView(String action, State from, State to, String by, String byName, OffsetDateTime at,
            String remark) {
    }

    static RiskWarningView of(RiskWarning w) {
        return new RiskWarningView(w.id, w.ruleId, w.title, w.level, w.areaCode, w.gridCode, w.groupKey, w.figures,
                w.evidence.stream().map(e -> new EvidenceView(e.eventId(), e.eventType(), e.matterId(),
                        e.gridCode(), Times.local(e.at()))).toList(), w.state, Times.local(w.raisedAt), w.handling,
                w.timeline.stream().map(e -> new EntryView(e.action(), e.from(), e.to(), e.by(), e.byName(),
                        Times.local(e.at()), e.remark())).toList(), w.version == null ? 0 : w.version);
    }
}
