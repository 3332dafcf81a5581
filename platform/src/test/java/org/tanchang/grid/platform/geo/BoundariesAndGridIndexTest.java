package org.tanchang.grid.platform.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class BoundariesAndGridIndexTest {

    static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[104.0,34.0],[104.1,34.0],[104.1,34.1],"
            + "[104.0,34.1],[104.0,34.0]]]}";
    /** Two squares, the first with a square hole in its middle. */
    static final String WITH_HOLE = "{\"type\":\"MultiPolygon\",\"coordinates\":["
            + "[[[105.0,34.0],[105.3,34.0],[105.3,34.3],[105.0,34.3],[105.0,34.0]],"
            + "[[105.1,34.1],[105.2,34.1],[105.2,34.2],[105.1,34.2],[105.1,34.1]]],"
            + "[[[106.0,34.0],[106.1,34.0],[106.1,34.1],[106.0,34.1],[106.0,34.0]]]]}";

    private static GridArea area(String code) {
        return new GridArea(code, "网格" + code, code.substring(0, 12), "村", code.substring(0, 9), "镇");
    }

    private static GridIndex index() {
        Geometry west = Boundaries.parse(SQUARE);
        Geometry east = Boundaries.parse("{\"type\":\"Polygon\",\"coordinates\":[[[104.1,34.0],[104.2,34.0],"
                + "[104.2,34.1],[104.1,34.1],[104.1,34.0]]]}");
        return GridIndex.of(List.of(new GridIndex.Entry(area("621223101001001"), west),
                new GridIndex.Entry(area("621223101002001"), east),
                new GridIndex.Entry(area("621223102001001"), Boundaries.parse(WITH_HOLE))));
    }

    @Test
    void locatesPointsInsideOnTheEdgeInAHoleAndOutside() {
        GridIndex index = index();

        assertThat(index.locate(104.05, 34.05)).map(GridArea::gridCode).contains("621223101001001");
        assertThat(index.locate(104.15, 34.05)).map(GridArea::gridCode).contains("621223101002001");
        assertThat(index.locate(104.1, 34.05)).as("a shared edge goes to the lower code, on every instance")
                .map(GridArea::gridCode).contains("621223101001001");
        assertThat(index.locate(104.2, 34.05)).as("an outer edge belongs to the grid")
                .map(GridArea::gridCode).contains("621223101002001");
        assertThat(index.locate(105.15, 34.15)).as("in the hole of the MultiPolygon").isEmpty();
        assertThat(index.locate(105.05, 34.05)).map(GridArea::gridCode).contains("621223102001001");
        assertThat(index.locate(106.05, 34.05)).as("in its second polygon").map(GridArea::gridCode)
                .contains("621223102001001");
        assertThat(index.locate(0, 0)).as("outside every grid: an answer, not an error").isEmpty();
    }

    @Test
    void refusesWhatIsNotASimpleClosedNonEmptyPolygon() {
        assertThatThrownBy(() -> Boundaries.parse(SQUARE.replace("[104.0,34.0]]]", "[104.0,34.05]]]")))
                .isInstanceOf(InvalidBoundaryException.class).hasMessageContaining("not closed");
        assertThatThrownBy(() -> Boundaries.parse("{\"type\":\"Polygon\",\"coordinates\":[[[104.0,34.0],"
                + "[104.1,34.1],[104.1,34.0],[104.0,34.3],[104.0,34.0]]]}"))
                .isInstanceOf(InvalidBoundaryException.class).hasMessageContaining("simple");
        assertThatThrownBy(() -> Boundaries.parse("{\"type\":\"Polygon\",\"coordinates\":[[[104.0,34.0],"
                + "[104.1,34.0],[104.2,34.0],[104.0,34.0]]]}"))
                .isInstanceOf(InvalidBoundaryException.class).hasMessageContaining("no area");
        // found by the contract test once the boundary was an object schema: a type that is not a name was a 500
        assertThatThrownBy(() -> Boundaries.parse("{\"type\":{\"x\":1},\"coordinates\":[]}"))
                .isInstanceOf(InvalidBoundaryException.class).hasMessageContaining("type name");
        assertThatThrownBy(() -> Boundaries.parse("{\"type\":\"Point\",\"coordinates\":[104.0,34.0]}"))
                .isInstanceOf(InvalidBoundaryException.class).hasMessageContaining("Polygon or MultiPolygon");
        assertThatThrownBy(() -> Boundaries.parse(SQUARE.replace("104.1,34.1", "204.1,34.1")))
                .isInstanceOf(InvalidBoundaryException.class).hasMessageContaining("globe");
        assertThatThrownBy(() -> Boundaries.parse("{\"type\":\"Polygon\",\"coordinates\":[]}"))
                .isInstanceOf(InvalidBoundaryException.class);
        assertThatThrownBy(() -> Boundaries.parse("{not json"))
                .isInstanceOf(InvalidBoundaryException.class).hasMessageContaining("JSON");
    }

    @Test
    void geoJsonRoundTrips() {
        Geometry hole = Boundaries.parse(WITH_HOLE);

        assertThat(Boundaries.parse(Boundaries.toGeoJson(hole)).equalsExact(hole)).isTrue();
        assertThat(Boundaries.toGeoJson(Boundaries.parse(SQUARE))).startsWith("{\"type\":\"Polygon\"");
    }
}
