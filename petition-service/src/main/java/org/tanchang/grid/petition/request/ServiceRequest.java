package org.tanchang.grid.petition.request;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.contracts.DeadlineFlag;
import org.tanchang.grid.platform.commendation.Commendable;
import org.tanchang.grid.platform.commendation.Commendation;
import org.tanchang.grid.platform.outbox.OutboxEvent;
import org.tanchang.grid.platform.outbox.OutboxOwner;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * A citizen's request at the one window (办件). Changed only by the platform's versioned writes on {@link #version}
 * ({@code Steps}, {@code VersionedWrites}), so a state change, its timeline entry and its events are one write and a
 * stale screen gets a 409 instead of overwriting someone else's step.
 */
@Document("service_requests")
// the overdue gauges (RequestGauges): open requests past their first-response or completion time limit
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "state_first_response_due",
        def = "{'state': 1, 'firstResponseDueAt': 1}")
@org.springframework.data.mongodb.core.index.CompoundIndex(name = "state_completion_due",
        def = "{'state': 1, 'completionDueAt': 1}")
class ServiceRequest implements OutboxOwner, Commendable {

    /** The applicant's personal data, protected (encrypted, keyed hash, mask). */
    record Applicant(ProtectedValue name, ProtectedValue idNumber, ProtectedValue phone) {
    }

    /** Where the request is about (Open311 reports): the address protected, coordinates and a photo link. */
    record Location(ProtectedValue address, Double latitude, Double longitude, String mediaUrl) {
    }

    record TimelineEntry(RequestState state, String action, String actor, String actorName, Instant at,
            String remark) {
    }

    /** Where a referred request went: the receiving service opens its matter with sourceReference = request id. */
    record Referral(String target, String sourceReference, String reason, Instant referredAt) {
    }

    @Id
    String id;
    @Indexed(unique = true)
    String number;
    String itemCode;
    String itemName;
    String responsibleUnit;
    Channel channel;
    /** The citizen's account: who submitted from the app, or whom the window named or linked later. */
    @Indexed
    String citizenId;
    /** The other system (its OAuth client) that submitted it; it reads back only what it submitted. */
    @Indexed
    String systemClientId;
    /** The applicant's home grid: an attribute of the request, not who handles it. */
    @Indexed
    String gridCode;
    /** The home grid's township. */
    String stationCode;
    /**
     * The area code of the window that handles the request (一窗通办: any window of the county takes any
     * resident's request): the taking clerk's area, else the home township. Null on requests stored before it
     * existed, which the home township's window handles.
     */
    @Indexed
    String windowCode;
    Applicant applicant;
    Location location;
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> materials = new ArrayList<>();
    List<String> missingMaterials = new ArrayList<>();
    @Indexed
    RequestState state;
    String refusalReason;
    Integer rating;
    String ratingComment;
    Referral referral;
    List<Assistance> assistance = new ArrayList<>();
    String firstResponseLimit;
    String completionLimit;
    Instant submittedAt;
    Instant firstResponseDueAt;
    Instant firstResponseAt;
    Instant completionDueAt;
    Instant completedAt;
    /** When the yellow flag of each measure rises (70 % of the promised time), for the deadline sweep's index. */
    Instant firstResponseYellowAt;
    Instant completionYellowAt;
    /** The flag of each measure already published, so each is published once. */
    DeadlineFlag firstResponseFlag;
    DeadlineFlag completionFlag;
    List<TimelineEntry> timeline = new ArrayList<>();
    /** Thanks from the applicant (锦旗, 感谢信) for the window's work, oldest first. */
    List<Commendation> commendations = new ArrayList<>();
    @Version
    Long version;
    List<OutboxEvent> outbox = new ArrayList<>();

    @Override
    public List<OutboxEvent> outbox() {
        return outbox;
    }

    @Override
    public List<Commendation> commendations() {
        return commendations;
    }

    /** The staff with a step on the request's timeline, not the applicant. */
    @Override
    public Set<String> handlers() {
        Set<String> handlers = new HashSet<>();
        timeline.stream().map(TimelineEntry::actor).forEach(handlers::add);
        if (citizenId != null) {
            handlers.remove(citizenId);
        }
        return handlers;
    }
}
