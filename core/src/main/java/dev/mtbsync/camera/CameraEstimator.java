package dev.mtbsync.camera;

import dev.mtbsync.stats.Stats;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums up the homographies of matched moments (new-picture px to reference-picture px, analysed
 * frames) into one {@link CameraDifference}: medians, so that moments where parallax or a wrong
 * match bent the homography do not move it.
 *
 * <p>DESIGN NOTE: at a matched moment both cameras stand at about the same place, so the homography
 * is about K_ref R K_new^-1: its linear part's scale is the ratio of the focal lengths in pixels,
 * its rotation the roll, and where it sends the new picture's centre the offset of the optical
 * axes. Each moment is noisy (parallax of a camera a little off the place, a rider's head turn);
 * the median over the whole run is the pair's constant.
 */
public final class CameraEstimator {

  private final int refWidth;
  private final int refHeight;
  private final int newWidth;
  private final int newHeight;
  private final List<double[]> seen = new ArrayList<>(); // {zoom, roll, shiftX, shiftY}

  /** Sizes (px) of the analysed reference and new frames. */
  public CameraEstimator(int refWidth, int refHeight, int newWidth, int newHeight) {
    this.refWidth = refWidth;
    this.refHeight = refHeight;
    this.newWidth = newWidth;
    this.newHeight = newHeight;
  }

  /**
   * The zoom one homography shows (see {@link CameraDifference#zoom}); NaN for a mirrored or
   * degenerate map.
   */
  public double zoomOf(double[] h) {
    if (h == null || h.length != 9 || Math.abs(h[8]) < 1e-12) {
      return Double.NaN;
    }
    double det = (h[0] * h[4] - h[1] * h[3]) / (h[8] * h[8]);
    return det > 0 ? (1 / Math.sqrt(det)) * ((double) refWidth / newWidth) : Double.NaN;
  }

  private final List<Double> resolved = new ArrayList<>();

  /** Adds the zoom of a moment whose time parallax placed (an unbiased moment). */
  public synchronized void addResolved(double[] h) {
    double z = zoomOf(h);
    if (Double.isFinite(z)) {
      resolved.add(z);
    }
  }

  /** Median zoom of the moments parallax placed; NaN with fewer than {@code min} of them. */
  public synchronized double resolvedZoom(int min) {
    if (resolved.size() < min) {
      return Double.NaN;
    }
    return Stats.median(resolved);
  }

  /** Adds one moment's homography (row-major 3x3, new px to reference px); null is ignored. */
  public synchronized void add(double[] h) {
    if (h == null || h.length != 9 || Math.abs(h[8]) < 1e-12) {
      return;
    }
    double zoom = zoomOf(h);
    if (!Double.isFinite(zoom)) {
      return; // a mirrored or degenerate map is no camera difference
    }
    double[] m = new double[9];
    for (int i = 0; i < 9; i++) {
      m[i] = h[i] / h[8];
    }
    double roll = Math.toDegrees(Math.atan2(m[3] - m[1], m[0] + m[4]));
    double cx = newWidth / 2.0;
    double cy = newHeight / 2.0;
    double w = m[6] * cx + m[7] * cy + m[8];
    double x = (m[0] * cx + m[1] * cy + m[2]) / w;
    double y = (m[3] * cx + m[4] * cy + m[5]) / w;
    seen.add(
        new double[] {
          zoom, roll, (x - refWidth / 2.0) / refWidth, (y - refHeight / 2.0) / refHeight
        });
  }

  /** The camera difference over every moment added; {@link CameraDifference#NONE} without any. */
  public synchronized CameraDifference estimate() {
    if (seen.isEmpty()) {
      return CameraDifference.NONE;
    }
    double[] zoom = column(0);
    return new CameraDifference(
        Stats.median(zoom),
        Stats.percentile(zoom, 25),
        Stats.percentile(zoom, 75),
        Stats.median(column(1)),
        Stats.median(column(2)),
        Stats.median(column(3)),
        seen.size(),
        "estimated");
  }

  private double[] column(int c) {
    double[] v = new double[seen.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = seen.get(i)[c];
    }
    return v;
  }
}
