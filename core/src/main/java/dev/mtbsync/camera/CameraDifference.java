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
    double[] framing) {

  public static final CameraDifference NONE =
      new CameraDifference(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "none");

  public CameraDifference {
    lens = lens == null ? LensFit.none(0) : lens;
    framing = framing == null ? null : framing.clone();
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
    this(zoom, zoomLo, zoomHi, rollDeg, shiftX, shiftY, moments, source, null, null);
  }

  /** The same, with a lens estimate. */
  public CameraDifference withLens(LensFit fit) {
    return new CameraDifference(
        zoom, zoomLo, zoomHi, rollDeg, shiftX, shiftY, moments, source, fit, framing);
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
        new double[] {width, height});
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
