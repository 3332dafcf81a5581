package org.tanchang.grid.gridservice.area;

import java.time.OffsetDateTime;
import org.tanchang.grid.platform.web.Times;

/** A node of the tree without its children. */
record AreaView(String code, AreaLevel level, String name, String parentCode, OffsetDateTime changedAt) {

    static AreaView of(Area a) {
        return new AreaView(a.code, a.level, a.name, a.parentCode, a.changedAt == null ? null : Times.local(a.changedAt));
    }
}
