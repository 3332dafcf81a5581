package org.tanchang.grid.gridservice.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;

/**
 * A risk warning (预警): a rule fired for a group of events in an area, and the area's supervisors act on it. Its id is
 * derived from the rule, the group and the window, so it is raised once whatever the deliveries.
 */
@Document("risk_warnings")
@CompoundIndex(name = "open_by_rule_and_group", def = "{'ruleId': 1, 'groupKey': 1, 'windowEnd': 1}")
class RiskWarning implements OutboxOwner {

    enum State { RAISED, ACKNOWLEDGED, HANDLED, CLOSED }

    /** One event behind the warning (the matter id is the event's subject). */
    record Evidence(String eventId, String eventType, String matterId, String gridCode, Instant at) {
    }

    record Entry(String action, State from, State to, String by, String byName, Instant at, String remark) {
    }

    @Id
    String id;
    String ruleId;
    String title;
    String level;
    @Indexed
    String areaCode;
    String gridCode;
    String groupKey;
    Map<String, Long> figures = new LinkedHashMap<>();
    List<Evidence> evidence = new ArrayList<>();
    State state = State.RAISED;
    /** Open warnings first in the lists: true until closed. */
    boolean open = true;
    Instant raisedAt;
    /** Until when later matching events join this warning instead of counting towards another (THRESHOLD). */
    Instant windowEnd;
    Instant windowStart;
    String handling;
    List<Entry> timeline = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
