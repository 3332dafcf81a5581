package org.tanchang.grid.gridservice.area;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;

/** One node of the tree as the API shows it, with its children in code order. */
@Schema(description = "A node of the administrative tree with its children",
        requiredProperties = {"code", "level", "name", "children"})
record AreaNode(String code, AreaLevel level, String name, String parentCode, List<AreaNode> children) {

    AreaNode(String code, AreaLevel level, String name, String parentCode) {
        this(code, level, name, parentCode, new ArrayList<>());
    }
}
