package org.tanchang.grid.cases.hazard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.GeoPoint;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.personaldata.ProtectedValue;
import org.tanchang.grid.platform.workflow.Deadline;

/**
 * A safety hazard (安全隐患) in a grid, followed until a re-inspection finds it removed. Written in one insert with
 * its HazardOpened event; every later change is one versioned update ({@code Steps}, the deadline sweep). Visibility
 * is by {@link #gridCode}: escalation changes who answers for it ({@link #level}), not who may see it. The
 * responsible party's name and phone are stored only in protected form.
 */
@Document("hazards")
@CompoundIndex(name = "grid_reported", def = "{'gridCode': 1, 'reportedAt': -1}")
class Hazard implements OutboxOwner {

    /** Who must remove it (the owner of the stove, the road's maintainer): protected name and optional phone. */
    record ResponsibleParty(ProtectedValue name, ProtectedValue phone) {
    }

    /** The rectification order (整改通知): what must be done, by whom it was ordered and when. */
    record Order(String measures, String orderedBy, String orderedByName, Instant orderedAt) {
    }

    /** One step of the hazard's history: only ever appended. */
    record TimelineEntry(String action, HazardState state, HazardLevel level, String actor, String actorName,
            Instant at, String remark) {
    }

    /** What is known when a hazard is opened, whichever way it arrived. */
    record Report(HazardSource source, String sourceReference, HazardKind kind, RiskLevel riskLevel, String gridCode,
            GeoPoint location, String description, ResponsibleParty responsibleParty, String officerId,
            String officerName, String memberId, String memberName, Instant foundAt, String actor,
            String actorName) {
    }

    @Id
    String id;
    @Indexed
    HazardState state;
    HazardSource source;
    @Indexed(sparse = true)
    String sourceReference;
    HazardKind kind;
    RiskLevel riskLevel;
    HazardLevel level;
    Instant levelSince;
    String gridCode;
    GeoPoint location;
    String description;
    ResponsibleParty responsibleParty;
    String officerId;
    String officerName;
    String memberId;
    String memberName;
    Order order;
    int reopenCount;
    /** The running limit of the current step (ordering, rectification, re-inspection); null when closed. */
    Deadline deadline;
    Instant reportedAt;
    Instant createdAt;
    List<TimelineEntry> timeline = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    static Hazard reported(String id, Report report, Instant now) {
        Hazard hazard = new Hazard();
        hazard.id = id;
        hazard.state = HazardState.REPORTED;
        hazard.source = report.source();
        hazard.sourceReference = report.sourceReference();
        hazard.kind = report.kind() == null ? HazardKind.OTHER : report.kind();
        hazard.riskLevel = report.riskLevel();
        hazard.level = HazardLevel.GRID;
        hazard.levelSince = now;
        hazard.gridCode = report.gridCode();
        hazard.location = report.location();
        hazard.description = report.description();
        hazard.responsibleParty = report.responsibleParty();
        hazard.officerId = report.officerId();
        hazard.officerName = report.officerName();
        hazard.memberId = report.memberId();
        hazard.memberName = report.memberName();
        hazard.reportedAt = report.foundAt() == null ? now : report.foundAt();
        hazard.createdAt = now;
        hazard.timeline.add(new TimelineEntry("report", HazardState.REPORTED, HazardLevel.GRID, report.actor(),
                report.actorName(), now, report.source().remark()));
        return hazard;
    }

    /** The area whose supervisors answer for it at its current level. */
    String levelArea() {
        return level.areaOf(gridCode);
    }

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }
}
