package org.tanchang.grid.contracts.patrol;

/** The police officer responsible for a grid (责任区民警), carried in events so consumers need not ask grid-service. */
public record ResponsibleOfficer(String id, String name) {
}
