package org.tanchang.grid.gridservice.area;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A node of the administrative tree that is not a grid: the county, a township, a village or community, or a
 * ten-household unit (十户联防). Grids live in their own collection because they carry a boundary and an event.
 */
@Document("areas")
public class Area {

    @Id
    String code;
    AreaLevel level;
    String name;
    @Indexed
    String parentCode;
    Instant changedAt;
    @Version
    Long version;

    Area() {
    }

    Area(String code, String name, Instant at) {
        this.code = code;
        this.level = AreaLevel.ofCode(code).orElseThrow();
        this.name = name;
        this.parentCode = AreaLevel.parentOf(code);
        this.changedAt = at;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public AreaLevel level() {
        return level;
    }

    public String parentCode() {
        return parentCode;
    }
}
