package org.tanchang.grid.gridservice.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.tanchang.grid.platform.outbox.OutboxEvent;

/**
 * A governance grid (网格) with its place in the administrative tree, its boundary and its responsible officer. The
 * 15-digit code is 6 digits of county (GB/T 2260, Tanchang 621223) + 3 of township + 3 of village + 3 of grid
 * sequence. Every change raises {@code version} and leaves a {@code GridChanged} in the outbox in the same write.
 */
@Document("grids")
public class Grid {

    public record Officer(String id, String name) {
    }

    @Id
    String code;
    String name;
    String countyCode;
    String townshipCode;
    String townshipName;
    @Indexed
    String villageCode;
    String villageName;
    Officer responsibleOfficer;
    /** GeoJSON Polygon or MultiPolygon (WGS 84) as text, validated by the platform's Boundaries. */
    String boundaryGeoJson;
    boolean active = true;
    /** The event version: rises with each change, so consumers keep the newest picture. */
    long version;
    Instant changedAt;
    List<OutboxEvent> outbox = new ArrayList<>();

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String townshipCode() {
        return townshipCode;
    }

    public String townshipName() {
        return townshipName;
    }

    public String villageCode() {
        return villageCode;
    }

    public String villageName() {
        return villageName;
    }

    public Officer responsibleOfficer() {
        return responsibleOfficer;
    }

    public String boundaryGeoJson() {
        return boundaryGeoJson;
    }

    public boolean active() {
        return active;
    }
}
