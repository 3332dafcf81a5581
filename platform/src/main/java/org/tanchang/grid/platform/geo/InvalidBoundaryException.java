package org.tanchang.grid.platform.geo;

/** A boundary that is not a valid GeoJSON Polygon or MultiPolygon; the message is fit for a 400 problem. */
public class InvalidBoundaryException extends RuntimeException {

    public InvalidBoundaryException(String message) {
        super(message);
    }
}
