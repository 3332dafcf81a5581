package org.tanchang.grid.gridservice.grid;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much two sibling grids may overlap: the area of their intersection divided by the smaller grid's area. Hand
 * drawn boundaries rarely meet exactly, so a small overlap along a shared edge is tolerated.
 */
@ConfigurationProperties("tanchang.grid.boundaries")
record GridProperties(double overlapTolerance) {
}
