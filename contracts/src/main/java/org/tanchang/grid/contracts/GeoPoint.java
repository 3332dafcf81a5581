package org.tanchang.grid.contracts;

/** A WGS 84 position, longitude first as in GeoJSON. */
public record GeoPoint(double longitude, double latitude) {
}
