package org.tanchang.grid.platform.geo;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * An immutable spatial index of grid boundaries: an STR-packed R-tree over the boundaries' envelopes, then an exact
 * test against the prepared geometry of each candidate. A point on a boundary line belongs to the grid (covers, not
 * contains), so an edge point is never "nowhere"; where two grids share that edge the lower grid code wins, so the
 * answer is the same on every instance. A point in a hole of a MultiPolygon is outside that grid.
 *
 * <p>Immutable so readers need no lock: a change builds a new index and swaps the reference ({@link GridMap}).
 */
public final class GridIndex {

    /** One grid's boundary with its area, as indexed. */
    public record Entry(GridArea area, Geometry boundary) {
    }

    private record Candidate(GridArea area, PreparedGeometry boundary) {
    }

    private static final GridIndex EMPTY = new GridIndex(List.of());

    private final STRtree tree = new STRtree();
    private final int size;

    private GridIndex(Collection<Entry> entries) {
        for (Entry entry : entries) {
            tree.insert(entry.boundary().getEnvelopeInternal(),
                    new Candidate(entry.area(), PreparedGeometryFactory.prepare(entry.boundary())));
        }
        tree.build();
        size = entries.size();
    }

    public static GridIndex of(Collection<Entry> entries) {
        return entries.isEmpty() ? EMPTY : new GridIndex(entries);
    }

    public int size() {
        return size;
    }

    /** The grid holding the point, or empty when it lies outside every grid (a clear answer, not an error). */
    @SuppressWarnings("unchecked")
    public Optional<GridArea> locate(double longitude, double latitude) {
        Point point = Boundaries.FACTORY.createPoint(new Coordinate(longitude, latitude));
        List<Candidate> candidates = tree.query(point.getEnvelopeInternal());
        return candidates.stream().filter(c -> c.boundary().covers(point)).map(Candidate::area)
                .min(Comparator.comparing(GridArea::gridCode));
    }
}
