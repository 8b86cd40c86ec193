package dev.mtbsync.synth;

import dev.mtbsync.gps.TrackPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * GPS tracks of the two runs: the trail's course on the map, sampled once a second of each
 * recording's own clock, with the slowly wandering error of a consumer receiver (about 2.5 m).
 */
final class SynthGps {

  private static final double METRES_PER_DEG_LAT = 111_320;
  private static final double STEP_M = 0.5;

  private final TrailShape shape;
  private final double originLat;
  private final double originLon;
  private final double fromS;
  private final double[] east;
  private final double[] north;

  /** Tabulates the course for trail distances in [fromS, toS] metres. */
  SynthGps(SplittableRandom rng, TrailShape shape, double fromS, double toS) {
    this.shape = shape;
    this.originLat = 45.8 + rng.nextDouble();
    this.originLon = 6.5 + 5 * rng.nextDouble();
    this.fromS = fromS;
    int n = (int) Math.ceil((toS - fromS) / STEP_M) + 2;
    east = new double[n];
    north = new double[n];
    for (int i = 1; i < n; i++) {
      double h = shape.headingAt(fromS + (i - 0.5) * STEP_M);
      east[i] = east[i - 1] + STEP_M * Math.sin(h);
      north[i] = north[i - 1] + STEP_M * Math.cos(h);
    }
  }

  /**
   * One fix per second of a recording.
   *
   * @param distanceAt trail distance (m) at recording time (s)
   * @param durationSec recording length
   * @param clockStart wall-clock time of the recording's first frame
   */
  List<TrackPoint> track(
      SplittableRandom rng,
      DoubleUnaryOperator distanceAt,
      double durationSec,
      Instant clockStart) {
    List<TrackPoint> points = new ArrayList<>();
    double errE = 0;
    double errN = 0;
    for (int sec = 0; sec <= durationSec; sec++) {
      errE = 0.8 * errE + 1.5 * Randoms.gaussian(rng); // AR(1): stationary sigma ~2.5 m
      errN = 0.8 * errN + 1.5 * Randoms.gaussian(rng);
      double s = distanceAt.applyAsDouble(sec);
      double pos = Math.max(0, Math.min(east.length - 1.001, (s - fromS) / STEP_M));
      int i = (int) pos;
      double f = pos - i;
      double e = east[i] + f * (east[i + 1] - east[i]) + errE;
      double nn = north[i] + f * (north[i + 1] - north[i]) + errN;
      double lat = originLat + nn / METRES_PER_DEG_LAT;
      double lon = originLon + e / (METRES_PER_DEG_LAT * Math.cos(Math.toRadians(originLat)));
      double ele = shape.elevationAt(s) + 1.5 * Randoms.gaussian(rng);
      points.add(
          new TrackPoint(
              round(lat, 1e7), round(lon, 1e7), round(ele, 10), clockStart.plusSeconds(sec)));
    }
    return points;
  }

  private static double round(double v, double scale) {
    return Math.round(v * scale) / scale;
  }
}
