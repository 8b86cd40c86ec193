package dev.mtbsync.gps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistanceCurveTest {

  private final TrailFixture trail = new TrailFixture(800);

  /** 60 s at 6 m/s, one clean fix a second. */
  private GpsTrack clean() {
    return trail.ride(t -> 6 * t, 60, 1, 0.0, 1);
  }

  @Test
  void measuresDistanceAtTenSamplesASecondOnTheVideosClock() {
    DistanceCurve c = DistanceCurve.of(clean(), TrailFixture.T0.minusSeconds(2));
    assertThat(c.startSec()).isEqualTo(2.0); // the first fix came 2 s into the video
    assertThat(c.size()).isEqualTo(601);
    assertThat(c.length()).isCloseTo(360, within(3.0));
    assertThat(c.distanceAt(32)).isCloseTo(180, within(2.0));
    assertThat(c.timeAtDistance(180)).isCloseTo(32, within(0.3));
    assertThat(c.speed(300)).isCloseTo(6, within(0.2));
    for (int i = 1; i < c.size(); i++) {
      assertThat(c.distance(i)).isGreaterThanOrEqualTo(c.distance(i - 1));
    }
  }

  @Test
  void dropsFixesNoRiderCanMakeAndKeepsTheDistance() {
    List<TrackPoint> pts = new ArrayList<>(clean().points());
    Instant t0 = TrailFixture.T0;
    // a 200 m jump for one fix, the null island, a fix the receiver marks as without a fix, one
    // with a poor DOP, and a fix repeated with the same time
    pts.set(10, moved(pts.get(10), 200, 0));
    pts.set(20, new TrackPoint(0, 0, 0, pts.get(20).time()));
    TrackPoint p30 = pts.get(30);
    pts.set(30, new TrackPoint(p30.lat() + 0.001, p30.lon(), 0, p30.time(), 2.0, 0));
    TrackPoint p40 = pts.get(40);
    pts.set(40, new TrackPoint(p40.lat() - 0.0008, p40.lon(), 0, p40.time(), 12.0, 3));
    TrackPoint p45 = pts.get(45);
    pts.add(46, new TrackPoint(p45.lat() + 0.002, p45.lon(), 0, p45.time(), 1.0, 3));
    GpsTrack noisy = new GpsTrack(clean().file(), "gpx", pts, null, "");

    DistanceCurve c = DistanceCurve.of(noisy, t0);
    assertThat(c.droppedCount()).isEqualTo(5);
    assertThat(c.droppedSummary())
        .contains("1 without a fix", "1 imprecise (DOP above 5)", "1 with a repeated time");
    assertThat(c.dropped().offLine() + c.dropped().tooFast()).isEqualTo(2);
    assertThat(c.length()).isCloseTo(DistanceCurve.of(clean(), t0).length(), within(2.0));
  }

  @Test
  void aRunOfWildFixesIsDroppedByTheSpeedGate() {
    List<TrackPoint> pts = new ArrayList<>(clean().points());
    for (int i = 25; i < 31; i++) { // six fixes a kilometre away: a receiver lost in reflections
      pts.set(i, moved(pts.get(i), 1000, 500));
    }
    DistanceCurve c =
        DistanceCurve.of(new GpsTrack(clean().file(), "gpx", pts, null, ""), TrailFixture.T0);
    assertThat(c.droppedCount()).isEqualTo(6);
    assertThat(c.length()).isCloseTo(360, within(5.0));
  }

  @Test
  void aStandingRiderReadsFarSlowerThanRiding() {
    // 2.5 m of slowly wandering receiver error is still there after smoothing: the curve creeps,
    // but at a fraction of riding pace, so places along it stay distinct
    GpsTrack standing = trail.ride(t -> 100, 60, 1, 2.5, 3);
    DistanceCurve c = DistanceCurve.of(standing, TrailFixture.T0);
    assertThat(c.droppedCount()).isZero();
    assertThat(c.length() / 60).as("apparent speed standing, m/s").isLessThan(1.5);
  }

  @Test
  void aGapInTheTrackIsBridgedButNotCovered() {
    List<TrackPoint> pts = new ArrayList<>(clean().points());
    pts.subList(20, 30).clear(); // ten seconds without a fix (a tunnel of trees)
    DistanceCurve c =
        DistanceCurve.of(new GpsTrack(clean().file(), "gpx", pts, null, ""), TrailFixture.T0);
    assertThat(c.covered(150)).isTrue();
    assertThat(c.covered(245)).isFalse();
    assertThat(c.length()).isCloseTo(360, within(10.0));
  }

  private static TrackPoint moved(TrackPoint p, double eastM, double northM) {
    double lat = p.lat() + northM / 111_195.0;
    double lon = p.lon() + eastM / (111_195.0 * Math.cos(Math.toRadians(p.lat())));
    return new TrackPoint(lat, lon, p.elevation(), p.time());
  }
}
