package dev.mtbsync.gps;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A winding trail drawn in the test and riders on it: where a rider is at each second, with the
 * wandering error of a consumer receiver, as the fixes of a GPS track.
 */
final class TrailFixture {

  static final double LAT0 = 45.9;
  static final double LON0 = 7.5;
  static final Instant T0 = Instant.parse("2026-05-16T09:00:00Z");

  private static final double M_PER_DEG = 6_371_008.8 * Math.PI / 180;
  private static final double STEP = 0.5;

  private final double[] east;
  private final double[] north;

  /** A trail of {@code lengthM} metres that turns left and right every 60 m or so. */
  TrailFixture(double lengthM) {
    int n = (int) (lengthM / STEP) + 2;
    east = new double[n];
    north = new double[n];
    for (int i = 1; i < n; i++) {
      double s = i * STEP;
      double heading = 1.2 * Math.sin(s / 45) + 0.5 * Math.sin(s / 17);
      east[i] = east[i - 1] + STEP * Math.sin(heading);
      north[i] = north[i - 1] + STEP * Math.cos(heading);
    }
  }

  /**
   * @param distanceAt metres along the trail at second t of the recording
   * @param seconds recording length
   * @param hz fixes a second
   * @param sigma receiver error, metres (an AR(1) wander, as consumer receivers show)
   * @param seed noise seed
   */
  GpsTrack ride(
      DoubleUnaryOperator distanceAt, double seconds, double hz, double sigma, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<TrackPoint> pts = new ArrayList<>();
    double ee = 0;
    double en = 0;
    double keep = Math.pow(0.8, 1 / hz);
    double kick = sigma * Math.sqrt(1 - keep * keep);
    for (int k = 0; k <= seconds * hz; k++) {
      double t = k / hz;
      ee = keep * ee + kick * gaussian(rng);
      en = keep * en + kick * gaussian(rng);
      double[] p = at(distanceAt.applyAsDouble(t));
      pts.add(point(p[0] + ee, p[1] + en, T0.plusNanos(Math.round(t * 1e9))));
    }
    return new GpsTrack(Path.of("test.gpx"), "gpx", pts, null, "");
  }

  /** East, north (m) at distance s along the trail. */
  double[] at(double s) {
    double x = Math.max(0, Math.min(east.length - 1.001, s / STEP));
    int i = (int) x;
    double f = x - i;
    return new double[] {
      east[i] + f * (east[i + 1] - east[i]), north[i] + f * (north[i + 1] - north[i])
    };
  }

  static TrackPoint point(double e, double n, Instant t) {
    double lat = LAT0 + n / M_PER_DEG;
    double lon = LON0 + e / (M_PER_DEG * Math.cos(Math.toRadians(LAT0)));
    return new TrackPoint(lat, lon, 1400, t);
  }

  private static double gaussian(SplittableRandom rng) {
    double u = Math.max(1e-12, rng.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
  }
}
