package org.tanchang.grid.gridservice.patrol;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tanchang.grid.platform.personaldata.Masker;
import org.tanchang.grid.platform.personaldata.PersonalData;
import org.tanchang.grid.platform.personaldata.ProtectedValue;
import org.tanchang.grid.platform.time.Times;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A patrol route is personal data (where a member was, and when), so it is
 * stored only as one encrypted value of its JSON: never in plain in MongoDB, never in the event, and shown only to a
 * role that asks for it unmasked (audited). Its mask is {@code ****}: there is no harmless part of a route to show.
 */
@Component
class PatrolTrack {

    /** The encryption context: fixed, so renaming the Java field does not make stored tracks unreadable. */
    static final String CONTEXT = "patrolReport.track";

    @Schema(description = "A position of the patrol route at a moment (WGS 84)")
    record Point(double longitude, double latitude, OffsetDateTime at) {
    }

    private static final TypeReference<List<Point>> POINTS = new TypeReference<>() { };

    private final PersonalData personalData;
    private final JsonMapper json;

    PatrolTrack(PersonalData personalData, JsonMapper json) {
        this.personalData = personalData;
        this.json = json;
    }

    /** The encrypted route, or null when the app sent none. */
    ProtectedValue protect(List<SubmitPatrolReport.TrackPointInput> track) {
        if (track.isEmpty()) {
            return null;
        }
        List<Point> points = track.stream()
                .map(p -> new Point(p.longitude(), p.latitude(), Times.local(p.at()))).toList();
        return personalData.protect(CONTEXT, json.writeValueAsString(points), Masker.HIDDEN);
    }

    /** The route in the clear; only after {@code Disclosure} allowed it and wrote the audit record. */
    List<Point> reveal(ProtectedValue track) {
        if (track == null) {
            return List.of();
        }
        // moments are shown in county time whatever zone the JSON reader normalises them to
        return json.readValue(personalData.reveal(CONTEXT, track), POINTS).stream()
                .map(p -> new Point(p.longitude(), p.latitude(), Times.local(p.at()))).toList();
    }
}
