package org.tanchang.grid.contracts.grid;

import java.time.OffsetDateTime;
import org.tanchang.grid.contracts.EventType;
import org.tanchang.grid.contracts.Topics;

/**
 * A talk or campaign (宣讲) held in a grid was recorded, such as an anti-fraud talk under a tree. Statistics count it and
 * its attendance on the day it was held, and credit it to the person who recorded it. Keyed by the record's id.
 *
 * @param topic      what it was about (ANTI_FRAUD, LAW, ...)
 * @param heldAt     when it took place (the day it counts on)
 * @param attendance how many people attended
 * @param recordedBy the user name of whoever recorded it (the member or officer credited in the assessment)
 */
public record PublicityHeld(
        String publicityId,
        String gridCode,
        String topic,
        String title,
        OffsetDateTime heldAt,
        int attendance,
        String recordedBy) {

    public static final EventType<PublicityHeld> TYPE =
            new EventType<>("PublicityHeld", Topics.PUBLICITY, 1, PublicityHeld.class);
}
