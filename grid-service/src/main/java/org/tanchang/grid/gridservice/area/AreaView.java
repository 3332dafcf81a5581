package org.tanchang.grid.gridservice.area;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import org.tanchang.grid.platform.time.Times;

/** A node of the tree without its children. */
@Schema(description = "A node of the administrative tree", requiredProperties = {"code", "level", "name"})
record AreaView(String code, AreaLevel level, String name, String parentCode, OffsetDateTime changedAt) {

    static AreaView of(Area a) {
        return new AreaView(a.code, a.level, a.name, a.parentCode, a.changedAt == null ? null : Times.local(a.changedAt));
    }
}
