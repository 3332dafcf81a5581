package org.tanchang.grid.platform.geo;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON Polygon and MultiPolygon boundaries (WGS 84, longitude first) to JTS geometries and back, with the checks a
 * boundary must pass: the right type, rings of at least four positions that are closed, coordinates on the globe,
 * a non-empty area and a simple, valid shape (no self-intersection, holes inside their shell). A refusal is an
 * {@link InvalidBoundaryException} whose message says what is wrong, for a 400 problem.
 */
public final class Boundaries {

    /** Shared, thread-safe; SRID 4326 marks WGS 84. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Boundaries() {
    }

    /** Parses and validates a GeoJSON Polygon or MultiPolygon given as text. */
    public static Geometry parse(String geoJson) {
        if (geoJson == null || geoJson.isBlank()) {
            throw new InvalidBoundaryException("a boundary is required");
        }
        JsonNode node;
        try {
            node = JSON.readTree(geoJson);
        } catch (RuntimeException e) {
            throw new InvalidBoundaryException("the boundary is not valid JSON");
        }
        return parse(node);
    }

    /** Parses and validates a GeoJSON Polygon or MultiPolygon given as a JSON tree. */
    public static Geometry parse(JsonNode node) {
        if (node == null || !node.isObject() || node.get("type") == null || !node.get("type").isString()
                || node.get("coordinates") == null) {
            throw new InvalidBoundaryException("a boundary is a GeoJSON object with a type name and coordinates");
        }
        String type = node.get("type").asString();
        Geometry geometry = switch (type) {
            case "Polygon" -> polygon(node.get("coordinates"), "coordinates");
            case "MultiPolygon" -> multiPolygon(node.get("coordinates"));
            default -> throw new InvalidBoundaryException("a boundary must be a Polygon or MultiPolygon, not " + type);
        };
        if (geometry.isEmpty() || geometry.getArea() <= 0) {
            throw new InvalidBoundaryException("the boundary encloses no area");
        }
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            throw new InvalidBoundaryException("the boundary is not a simple, valid shape: " + error.getMessage()
                    + " near " + error.getCoordinate());
        }
        return geometry;
    }

    /** GeoJSON text of a Polygon or MultiPolygon (coordinates as given, rings closed). */
    public static String toGeoJson(Geometry geometry) {
        StringBuilder out = new StringBuilder();
        if (geometry instanceof Polygon polygon) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            rings(polygon, out);
        } else if (geometry instanceof MultiPolygon multi) {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                rings((Polygon) multi.getGeometryN(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a polygonal geometry: " + geometry.getGeometryType());
        }
        return out.append('}').toString();
    }

    private static void rings(Polygon polygon, StringBuilder out) {
        out.append('[');
        ring(polygon.getExteriorRing().getCoordinates(), out);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            out.append(',');
            ring(polygon.getInteriorRingN(i).getCoordinates(), out);
        }
        out.append(']');
    }

    private static void ring(Coordinate[] coordinates, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < coordinates.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('[').append(coordinates[i].x).append(',').append(coordinates[i].y).append(']');
        }
        out.append(']');
    }

    private static MultiPolygon multiPolygon(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            throw new InvalidBoundaryException("a MultiPolygon needs at least one polygon");
        }
        Polygon[] polygons = new Polygon[coordinates.size()];
        for (int i = 0; i < polygons.length; i++) {
            polygons[i] = polygon(coordinates.get(i), "coordinates[" + i + "]");
        }
        return FACTORY.createMultiPolygon(polygons);
    }

    private static Polygon polygon(JsonNode rings, String where) {
        if (!rings.isArray() || rings.isEmpty()) {
            throw new InvalidBoundaryException(where + ": a polygon needs an outer ring");
        }
        LinearRing shell = ring(rings.get(0), where + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), where + "[" + i + "]");
        }
        return FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode positions, String where) {
        if (!positions.isArray() || positions.size() < 4) {
            throw new InvalidBoundaryException(where + ": a ring needs at least 4 positions");
        }
        List<Coordinate> coordinates = new ArrayList<>();
        for (JsonNode position : positions) {
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                    || !position.get(1).isNumber()) {
                throw new InvalidBoundaryException(where + ": a position is [longitude, latitude]");
            }
            double longitude = position.get(0).asDouble();
            double latitude = position.get(1).asDouble();
            if (longitude < -180 || longitude > 180 || latitude < -90 || latitude > 90) {
                throw new InvalidBoundaryException(where + ": position " + position + " is not on the globe");
            }
            coordinates.add(new Coordinate(longitude, latitude));
        }
        if (!coordinates.get(0).equals2D(coordinates.get(coordinates.size() - 1))) {
            throw new InvalidBoundaryException(where + ": the ring is not closed (first and last positions differ)");
        }
        return FACTORY.createLinearRing(coordinates.toArray(Coordinate[]::new));
    }
}
