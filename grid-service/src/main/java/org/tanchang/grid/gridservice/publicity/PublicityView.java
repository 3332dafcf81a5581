package org.tanchang.grid.gridservice.publicity;

import java.time.OffsetDateTime;
import java.util.List;
import org.tanchang.grid.platform.time.Times;

/** A talk or campaign as the API shows it (times in county time). */
record PublicityView(String id, String gridCode, Topic topic, String title, String place, String speaker,
        OffsetDateTime heldAt, int attendance, List<String> materials, String recordedBy, OffsetDateTime recordedAt) {

    static PublicityView of(PublicityEvent e) {
        return new PublicityView(e.id(), e.gridCode(), e.topic(), e.title(), e.place(), e.speaker(),
                Times.local(e.heldAt()), e.attendance(), e.materials(), e.recordedBy(), Times.local(e.recordedAt()));
    }
}
