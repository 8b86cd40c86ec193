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
    LensFit lens) {

  public static final CameraDifference NONE =
      new CameraDifference(
          Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, "none");

  public CameraDifference {
    lens = lens == null ? LensFit.none(0) : lens;
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
    this(zoom, zoomLo, zoomHi, rollDeg, shiftX, shiftY, moments, source, null);
  }

  /** The same, with a lens estimate. */
  public CameraDifference withLens(LensFit fit) {
    return new CameraDifference(
        zoom, zoomLo, zoomHi, rollDeg, shiftX, shiftY, moments, source, fit);
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
    return m;
  }

  /**
   * One line for the summary, e.g. {@code zoom 1.19 (1.17-1.21), roll +0.4 deg, ..., from 87
   * moments, lens k -0.452 (fit 6.1 -> 2.3 px)}.
   */
  public String describe() {
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
