package org.tanchang.grid.cases.lost;

/** The result of a keyed create: the object with that id, and whether this call created it (else a retry). */
record Created<T>(T value, boolean created) {
}
