package dev.mtbsync.camera;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the new run's camera frames the trail against the reference's, one figure per pair.
 *
 * @param zoom the new camera's focal length over the reference's, each relative to its own picture
 *     width (1.2: the new picture shows a field of view 1.2 times narrower, as a 20 % zoom, a crop
 *     or a 4:3 picture cut from 16:9 does); NaN when not estimated
 * @param zoomLo lower quartile of the per-moment estimates
 * @param zoomHi upper quartile of the per-moment estimates
 * @param rollDeg the new picture's roll against the reference's (degrees, clockwise positive)
 * @param shiftX where the new picture's centre lands in the reference picture, as a share of its
 *     width from the centre (positive: right)
 * @param shiftY the same, as a share of the height (positive: down)
 * @param moments matched moments the estimate is drawn from
 * @param source how it was obtained: "estimated" (from the pictures) or "none"
 * @param lens the lens distortion of the new picture against the reference's, taken out of the
 *     keypoints before timing when it was applied; {@link LensFit#none} when not searched
 * @param framing {width, height} of the centred window, in reference picture units, under which the
 *     coarse pass compared the two runs' signatures ({1, 1}: whole pictures; {0.75, 1}: the new
 *     picture taken as the reference's with its sides cropped away); null when not recorded
 * @param zoomTimed the pairs were timed by this zoom: the two pictures' pixel scales differ by 5 %
 *     or more, and each pair went where its homography's zoom equals the camera's
 */
public record CameraDifference(
    double zoom,
    double zoomLo,
    double zoomHi,
    double rollDeg,
    double shiftX,
    double shiftY,
    int moments,
    String source,
    LensFit lens,
    double[] framing,
    boolean zoomTimed) {

  /**
   * How much wider the markers' intervals are than their pairs' scatter says, where a camera
   * difference was taken out before timing (the pairs timed by the camera's zoom, or a lens taken
   * out of the keypoints).
   *
   * <p>DESIGN NOTE: the zoom or lens estimate is one figure for the pair, and its error shifts a
   * whole stretch of pairs alike, which their scatter does not show. Calibrated on the camera
   * benchmark (scripts/bench-camera.sh): one factor for every pair made the intervals of pictures
   * of one scale twice as wide as their errors, or those of zoomed ones too narrow; this factor,
   * only where a difference was taken out, keeps the camera-different pairs' intervals as they were
   * calibrated before (every real row's coverage 88-100 %, nothing more than 3 frames off
   * unflagged) while those of pictures of one scale narrow (README, "Calibrated intervals").
   */
  public static final double TAKEN_OUT_SIGMA_FACTOR = 2.6 / 1.6;

  public static final CameraDifference NONE =
      new CameraDifference(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "none");

  public CameraDifference {
    lens = lens == null ? LensFit.none(0) : lens;
    framing = framing == null ? null : framing.clone();
  }

  /**
   * How much wider than their scatter says the markers' intervals must be: {@link
   * #TAKEN_OUT_SIGMA_FACTOR} where the pairs were timed by the zoom or a lens was taken out, times
   * what the lens fit leaves ({@link LensFit#sigmaFactor}); 1 for pictures of one scale and lens.
   */
  public double sigmaFactor() {
    double takenOut = zoomTimed || lens.applied() ? TAKEN_OUT_SIGMA_FACTOR : 1;
    return takenOut * lens.sigmaFactor();
  }

  /** The same, with the pairs timed by its zoom or not. */
  public CameraDifference withZoomTimed(boolean timed) {
    return new CameraDifference(
        zoom, zoomLo, zoomHi, rollDeg, shiftX, shiftY, moments, source, lens, framing, timed);
  }

  /** Without a lens estimate. */
  public CameraDifference(
      double zoom,
      double zoomLo,
      double zoomHi,
      double rollDeg,
      double shiftX,
      double shiftY,
      int moments,
      String source) {
    this(zoom, zoomLo, zoomHi, rollDeg, shiftX, shiftY, moments, source, null, null, false);
  }

  /** The same, with a lens estimate. */
  public CameraDifference withLens(LensFit fit) {
    return new CameraDifference(
        zoom, zoomLo, zoomHi, rollDeg, shiftX, shiftY, moments, source, fit, framing, zoomTimed);
  }

  /** The same, with the coarse pass's framing ({width, height}, see the record's note). */
  public CameraDifference withFraming(double width, double height) {
    return new CameraDifference(
        zoom,
        zoomLo,
        zoomHi,
        rollDeg,
        shiftX,
        shiftY,
        moments,
        source,
        lens,
        new double[] {width, height},
        zoomTimed);
  }

  /** The coarse pass's framing, {width, height}; {1, 1} (whole pictures) when not recorded. */
  @Override
  public double[] framing() {
    return framing == null ? new double[] {1, 1} : framing.clone();
  }

  /** The block timewarp.json carries as {@code camera}. */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", source);
    m.put("moments", moments);
    m.put("zoom", round(zoom, 4));
    m.put("zoom_iqr", moments == 0 ? null : new Double[] {round(zoomLo, 4), round(zoomHi, 4)});
    m.put("roll_deg", round(rollDeg, 2));
    m.put("shift", moments == 0 ? null : new Double[] {round(shiftX, 4), round(shiftY, 4)});
    m.put("zoom_timed", zoomTimed);
    m.putAll(lens.toJson());
    if (framing != null) {
      m.put("coarse_framing", new Double[] {round(framing[0], 3), round(framing[1], 3)});
    }
    return m;
  }

  /**
   * One line for the summary, e.g. {@code zoom 1.19 (1.17-1.21), roll +0.4 deg, ..., from 87
   * moments, lens k -0.452 (fit 6.1 -> 2.3 px)}.
   */
  public String describe() {
    return measured() + framed();
  }

  /** ", coarse pass over a 0.750 x 1.000 window" when it did not compare whole pictures. */
  private String framed() {
    double[] f = framing();
    if (f[0] == 1 && f[1] == 1) {
      return "";
    }
    return String.format(
        java.util.Locale.ROOT, ", coarse pass over a %.3f x %.3f window", f[0], f[1]);
  }

  private String measured() {
    if (moments == 0) {
      return "not estimated (no matched moments)" + (lens.searched() ? ", " + lens.describe() : "");
    }
    return String.format(
        java.util.Locale.ROOT,
        "zoom %.3f (%.3f-%.3f), roll %+.1f deg, centre shift %+.3f/%+.3f, from %d moments, %s",
        zoom,
        zoomLo,
        zoomHi,
        rollDeg,
        shiftX,
        shiftY,
        moments,
        lens.describe());
  }

  private static Double round(double v, int digits) {
    if (!Double.isFinite(v)) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
