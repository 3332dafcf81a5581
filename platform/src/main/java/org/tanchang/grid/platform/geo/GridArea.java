package org.tanchang.grid.platform.geo;

/** A grid with the village and township that hold it: the answer of {@link GridIndex#locate}. */
public record GridArea(String gridCode, String gridName, String villageCode, String villageName, String townshipCode,
        String townshipName) {
}
