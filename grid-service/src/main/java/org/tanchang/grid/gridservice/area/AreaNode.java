package org.tanchang.grid.gridservice.area;

import java.util.ArrayList;
import java.util.List;

/** One node of the tree as the API shows it, with its children in code order. */
record AreaNode(String code, AreaLevel level, String name, String parentCode, List<AreaNode> children) {

    AreaNode(String code, AreaLevel level, String name, String parentCode) {
        this(code, level, name, parentCode, new ArrayList<>());
    }
}
