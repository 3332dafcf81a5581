package org.tanchang.grid.gridservice.patrol;

import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.tanchang.grid.contracts.GeoPoint;

/**
 * Distances and coverage in metres. Longitude and latitude are not metric (a degree of longitude is ~92 km here, of
 * latitude ~111 km), so geometry is first projected onto a local equirectangular plane around the track: within a
 * township the error is far below GPS noise, and JTS then measures in metres.
 */
final class PatrolGeometry {

    private static final double EARTH_RADIUS = 6_371_008.8;
    private static final GeometryFactory PLANE = new GeometryFactory();

    private final double originLongitude;
    private final double originLatitude;
    private final double cosLatitude;
    private final Geometry track;

    /** A track of at least one position (WGS 84). */
    PatrolGeometry(List<GeoPoint> track) {
        this.originLongitude = track.get(0).longitude();
        this.originLatitude = track.get(0).latitude();
        this.cosLatitude = Math.cos(Math.toRadians(originLatitude));
        Coordinate[] points = track.stream().map(this::project).toArray(Coordinate[]::new);
        this.track = points.length == 1 ? PLANE.createPoint(points[0]) : PLANE.createLineString(points);
    }

    /** Metres between the point and the nearest part of the walked line (between fixes too, not only at them). */
    double distanceTo(GeoPoint point) {
        return track.distance(PLANE.createPoint(project(point)));
    }

    boolean reached(GeoPoint point, double radiusMetres) {
        return distanceTo(point) <= radiusMetres;
    }

    /** Share (0..1) of the route's length that lies within {@code toleranceMetres} of the track. */
    double coverage(List<GeoPoint> route, double toleranceMetres) {
        Geometry line = PLANE.createLineString(route.stream().map(this::project).toArray(Coordinate[]::new));
        if (line.getLength() == 0) {
            return 0;
        }
        double covered = line.intersection(track.buffer(toleranceMetres)).getLength() / line.getLength();
        return Math.min(1, covered);
    }

    /** Length of the walked line in metres. */
    double trackLength() {
        return track.getLength();
    }

    private Coordinate project(GeoPoint p) {
        double x = Math.toRadians(p.longitude() - originLongitude) * cosLatitude * EARTH_RADIUS;
        double y = Math.toRadians(p.latitude() - originLatitude) * EARTH_RADIUS;
        return new Coordinate(x, y);
    }
}
