package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class GpsAlignerTest {

  private final TrailFixture trail = new TrailFixture(1200);
  private final LocalFrame frame = new LocalFrame(TrailFixture.LAT0, TrailFixture.LON0);

  /** The reference rides 6 m/s from metre 50; so does the truth's clock. */
  private static final DoubleUnaryOperator REF = t -> 50 + 6 * t;

  @Test
  void recoversAKnownOffsetAndScale() {
    // the new rider starts 30 m further down and rides 0.8 times as fast: at new time t, the
    // reference was at the same place at (30 + 4.8 t) / 6 s
    DoubleUnaryOperator neu = t -> 80 + 4.8 * t;
    GpsAlignment a = align(REF, 100, neu, 100, 2.5);
    assertThat(a.timeScale()).isCloseTo(0.8, within(0.02));
    assertThat(a.timeOffsetSec()).isCloseTo(5.0, within(0.3));
    assertThat(a.distanceOffsetM()).isCloseTo(30, within(5.0));
    assertThat(a.distanceScale()).isCloseTo(1.0, within(0.05));
    assertThat(a.sharedFrac()).isGreaterThan(0.95);
    List<Double> errors = new ArrayList<>();
    for (double t = 2; t <= 95; t += 0.5) {
      errors.add(Math.abs(a.refAt(t) - (30 + 4.8 * t) / 6));
    }
    Collections.sort(errors);
    assertThat(errors.get(errors.size() / 2)).as("median error, s").isLessThan(0.4);
    assertThat(errors.get(errors.size() - 1)).as("largest error, s").isLessThan(1.5);
    assertThat(a.sigmaAt(50)).isBetween(0.15, 1.5);
  }

  @Test
  void followsAStopAndAPaceChangeMonotonically() {
    // the new rider stops for 5 s at metre 200, then rides faster
    DoubleUnaryOperator neu = t -> t < 25 ? 50 + 6 * t : t < 30 ? 200 : 200 + 7 * (t - 30);
    GpsAlignment a = align(REF, 100, neu, 90, 2.0);
    for (int k = 1; k < a.tRef().length; k++) {
      assertThat(a.tRef()[k]).isGreaterThanOrEqualTo(a.tRef()[k - 1]);
    }
    assertThat(a.refAt(27.5)).isCloseTo(25, within(0.8)); // standing at the reference's 25 s
    assertThat(a.refAt(60)).isCloseTo((200 + 7 * 30 - 50) / 6.0, within(0.8));
  }

  @Test
  void worksFromTheCamerasOwnEighteenFixesASecond() {
    DoubleUnaryOperator neu = t -> 60 + 5 * t;
    GpsAlignment a = align(REF, 60, neu, 60, 1.5, 18);
    assertThat(a.refAt(30)).isCloseTo((60 + 150 - 50) / 6.0, within(0.5));
  }

  @Test
  void tracksOfDifferentTrailsAreRefused() {
    GpsTrack ref = trail.ride(REF, 60, 1, 2.5, 1);
    GpsTrack far = new TrailFixture(1200).ride(t -> 6 * t, 60, 1, 2.5, 2);
    List<TrackPoint> moved = new ArrayList<>();
    for (TrackPoint p : far.points()) { // the same shape 2 km east
      moved.add(new TrackPoint(p.lat(), p.lon() + 0.026, p.elevation(), p.time()));
    }
    GpsTrack other = new GpsTrack(far.file(), "gpx", moved, null, "");
    assertThatThrownBy(
            () ->
                GpsAligner.align(
                    DistanceCurve.of(ref, ref.first(), frame, -1e9, 1e9),
                    DistanceCurve.of(other, other.first(), frame, -1e9, 1e9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the GPS tracks do not share a trail");
  }

  private GpsAlignment align(
      DoubleUnaryOperator ref,
      double refSec,
      DoubleUnaryOperator neu,
      double newSec,
      double sigma) {
    return align(ref, refSec, neu, newSec, sigma, 1);
  }

  private GpsAlignment align(
      DoubleUnaryOperator ref,
      double refSec,
      DoubleUnaryOperator neu,
      double newSec,
      double sigma,
      double hz) {
    GpsTrack r = trail.ride(ref, refSec, hz, sigma, 11);
    GpsTrack n = trail.ride(neu, newSec, hz, sigma, 12);
    return GpsAligner.align(
        DistanceCurve.of(r, r.first(), frame, -1e9, 1e9),
        DistanceCurve.of(n, n.first(), frame, -1e9, 1e9));
  }
}
