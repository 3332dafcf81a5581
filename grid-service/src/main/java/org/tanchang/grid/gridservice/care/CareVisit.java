package org.tanchang.grid.gridservice.care;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;

/**
 * One visit to a household needing care, written once with its CareVisitRecorded event. From a patrol finding its id
 * is {@code care-<reportId>-<findingIndex>}, so a redelivered report records nothing twice. {@code planId} and
 * {@code householdId} are null for a CARE finding that named no paired household: it is recorded against its grid.
 * The texts are scrubbed of ID and mobile numbers.
 */
@Document("care_visits")
record CareVisit(@Id String id, @Indexed String planId, String householdId, @Indexed String gridCode,
        String memberId, String source, Instant visitedAt, String found, String done, boolean followUpNeeded,
        boolean onTime, String recordedBy, Instant recordedAt, List<OutboxEvent> outbox) implements OutboxOwner {

    static final String DIRECT = "DIRECT";
    static final String PATROL_FINDING = "PATROL_FINDING";
}
