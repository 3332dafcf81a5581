package org.tanchang.grid.gridservice.patrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tanchang.grid.contracts.GeoPoint;

/** Distances and coverage in metres around 理川 (34° N, where a degree of longitude is about 92.3 km). */
class PatrolGeometryTest {

    /** Metres as degrees at 34.05° N. */
    static double east(double metres) {
        return metres / (111_195 * Math.cos(Math.toRadians(34.05)));
    }

    static double north(double metres) {
        return metres / 111_195;
    }

    @Test
    void aPointIsReachedWithinItsRadiusOfTheWalkedLineAndMissedBeyondIt() {
        // a walk 400 m due east; the fixes are 400 m apart, the points lie beside the line between them
        PatrolGeometry walk = new PatrolGeometry(List.of(new GeoPoint(104.38, 34.05),
                new GeoPoint(104.38 + east(400), 34.05)));

        GeoPoint at40m = new GeoPoint(104.38 + east(200), 34.05 + north(40));
        GeoPoint at60m = new GeoPoint(104.38 + east(200), 34.05 + north(60));

        assertThat(walk.distanceTo(at40m)).isCloseTo(40, within(0.5));
        assertThat(walk.reached(at40m, 50)).isTrue();
        assertThat(walk.reached(at60m, 50)).isFalse();
        assertThat(walk.reached(at60m, 70)).isTrue();
        assertThat(walk.trackLength()).isCloseTo(400, within(1.0));
    }

    @Test
    void aSingleFixReachesOnlyWhatIsAroundIt() {
        PatrolGeometry stood = new PatrolGeometry(List.of(new GeoPoint(104.38, 34.05)));

        assertThat(stood.reached(new GeoPoint(104.38 + east(30), 34.05), 50)).isTrue();
        assertThat(stood.reached(new GeoPoint(104.38 + east(80), 34.05), 50)).isFalse();
    }

    @Test
    void routeCoverageIsTheShareOfTheRouteWithinTheToleranceOfTheTrack() {
        // route: 1,000 m east; the member walked its first 600 m, 10 m north of it
        List<GeoPoint> route = List.of(new GeoPoint(104.38, 34.05), new GeoPoint(104.38 + east(1000), 34.05));
        PatrolGeometry walk = new PatrolGeometry(List.of(new GeoPoint(104.38, 34.05 + north(10)),
                new GeoPoint(104.38 + east(600), 34.05 + north(10))));
        PatrolGeometry parallelFarAway = new PatrolGeometry(List.of(new GeoPoint(104.38, 34.05 + north(100)),
                new GeoPoint(104.38 + east(1000), 34.05 + north(100))));

        // the buffer's round end adds up to the tolerance beyond the last fix: 600 + ~28 m of 1,000
        assertThat(walk.coverage(route, 30)).isBetween(0.60, 0.63);
        assertThat(parallelFarAway.coverage(route, 30)).isZero();
        assertThat(parallelFarAway.coverage(route, 150)).isEqualTo(1.0);
    }
}
