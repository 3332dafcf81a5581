package org.tanchang.grid.contracts.commendation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A citizen thanked the station for a matter with a banner (锦旗), a letter (感谢信) or otherwise. One data record for
 * every kind of matter, published on that matter's own topic under the matter's key, so it stays in order with the
 * matter's other events: {@link #INCIDENT} keyed by incident id, {@link #LOST_ITEM} keyed by lost report id (as
 * LostItemReturned, whose handover it thanks for; {@code matterId} is the found item), {@link #DISPUTE} by dispute id,
 * {@link #REQUEST} by request id. Who gave it is personal data and is never in the event; the staff it names are
 * user names, credited in the statistics and the assessment. {@code gridCode} may be null for a request that named
 * no grid.
 */
public record MatterCommended(
        String matterType,
        String matterId,
        String commendationId,
        String gridCode,
        String kind,
        List<String> namedStaff,
        LocalDate receivedOn,
        String recordedBy,
        OffsetDateTime recordedAt) {

    public static final String INCIDENT_MATTER = "INCIDENT";
    public static final String LOST_ITEM_MATTER = "LOST_ITEM";
    public static final String DISPUTE_MATTER = "DISPUTE";
    public static final String REQUEST_MATTER = "REQUEST";

    public static final EventType<MatterCommended> INCIDENT =
            new EventType<>("IncidentCommended", Topics.INCIDENTS, 1, MatterCommended.class);
    public static final EventType<MatterCommended> LOST_ITEM =
            new EventType<>("LostItemCommended", Topics.LOST_ITEMS, 1, MatterCommended.class);
    public static final EventType<MatterCommended> DISPUTE =
            new EventType<>("DisputeCommended", Topics.DISPUTES, 1, MatterCommended.class);
    public static final EventType<MatterCommended> REQUEST =
            new EventType<>("RequestCommended", Topics.REQUESTS, 1, MatterCommended.class);

    public MatterCommended {
        namedStaff = namedStaff == null ? List.of() : List.copyOf(namedStaff);
    }
}
