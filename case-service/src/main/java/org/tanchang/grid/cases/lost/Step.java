package org.tanchang.grid.cases.lost;

import java.time.Instant;

/** One entry of a lost report's or found item's timeline: who moved it from which state to which, when and why. */
record Step(String action, String from, String to, String actor, Instant at, String remark) {
}
