package org.tanchang.grid.gridservice.patrol;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Patrol design settings: the default radius of a must-visit point, and how far from the track a route still counts
 * as walked (GPS on a phone in a valley is off by tens of metres).
 */
@ConfigurationProperties("tanchang.grid.patrol")
record PatrolProperties(double defaultRadiusMetres, double routeToleranceMetres) {
}
