package org.tanchang.grid.platform.commendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tanchang.grid.platform.personaldata.ProtectedValue;

/**
 * A commendation as stored inside its matter (a sub-document of the incident, found item, dispute or request, so it
 * is written in the matter's one versioned write with its event and timeline entry). The giver is protected.
 */
public record Commendation(
        String id,
        CommendationKind kind,
        String text,
        LocalDate receivedOn,
        ProtectedValue giverName,
        ProtectedValue giverPhone,
        List<String> namedStaff,
        String recordedBy,
        String recordedByName,
        Instant recordedAt) {
}
