package org.tanchang.grid.gridservice.grid;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A governance grid (网格) with its place in the administrative tree and its responsible officer. The 15-digit code
 * is 6 digits of county (GB/T 2260, Tanchang 621223) + 3 of township + 3 of village + 3 of grid sequence.
 */
@Document("grids")
public record Grid(
        @Id String code,
        String name,
        String townshipCode,
        String townshipName,
        String villageCode,
        String villageName,
        Officer responsibleOfficer) {

    public record Officer(String id, String name) {
    }
}
