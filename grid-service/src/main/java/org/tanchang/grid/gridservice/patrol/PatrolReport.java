package org.tanchang.grid.gridservice.patrol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.contracts.patrol.FindingDispute;
import org.tanchang.grid.contracts.patrol.FindingKind;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/** A grid member's patrol report (巡查报告). Written once with its {@code PatrolReportSubmitted} event in the outbox. */
@Document("patrol_reports")
class PatrolReport {

    /** {@code dispute}: the structured part of a DISPUTE finding, null otherwise (names only, as published). */
    record Finding(int index, FindingKind kind, String description, GeoPoint location, List<String> photoUrls,
            List<String> peopleConcerned, FindingDispute dispute) {
    }

    @Id
    String id;
    /** Every read is limited to the caller's areas by a prefix match on this field. */
    @Indexed
    String gridCode;
    String townshipCode;
    String memberId;
    String memberName;
    Instant startedAt;
    Instant endedAt;
    Instant submittedAt;
    List<Finding> findings = new ArrayList<>();
    /** The route, encrypted ({@link PatrolTrack}); null when none was sent. */
    ProtectedValue track;
    /** How many points the route has: no personal data, so lists can show it without decrypting. */
    int trackPoints;
    /** Must-visit points of the member's open plans that the track passed within their radius. */
    List<String> checkpointsReached = new ArrayList<>();
    /** Mean share of the planned routes walked (0..1); null when no plan was open. */
    Double routeCoverage;
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();
}
