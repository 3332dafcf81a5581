package org.tanchang.grid.gridservice.warning;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event counted for one rule: the rules' memory, in the store so a restart or another instance counts on from it.
 * Its id is the rule's and the event's, so a redelivered event is counted once. {@code warningId} is set once the
 * event is evidence of a warning, after which it no longer counts towards another.
 */
@Document("warning_marks")
@CompoundIndex(name = "rule_group_at", def = "{'ruleId': 1, 'groupKey': 1, 'at': 1}")
record WarningMark(@Id String id, String ruleId, String groupKey, Instant at, String week,
        RiskWarning.Evidence evidence, String warningId) {
}
