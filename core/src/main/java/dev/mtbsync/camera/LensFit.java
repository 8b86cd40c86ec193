package dev.mtbsync.camera;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pair's relative lens distortion as {@link LensEstimator} found it.
 *
 * @param k the coefficient applied before timing (see {@link RadialLens}); 0 when none was
 * @param kFound the search's best k, applied or not
 * @param rmsNonePx root of the mean truncated squared transfer error (px) without a lens term
 * @param rmsFitPx the same at {@code kFound}
 * @param views matched views the fit used
 * @param points matches in them
 * @param applied whether the keypoints were undistorted before timing
 * @param telemetry the lens modes the files name, {@code "W vs L"} (reference vs new), or null
 */
public record LensFit(
    double k,
    double kFound,
    double rmsNonePx,
    double rmsFitPx,
    int views,
    int points,
    boolean applied,
    String telemetry) {

  /** No fit: too few views (how many there were). */
  public static LensFit none(int views) {
    return new LensFit(0, Double.NaN, Double.NaN, Double.NaN, views, 0, false, null);
  }

  /** The same, with the lens modes the files name. */
  LensFit withTelemetry(String said) {
    return new LensFit(k, kFound, rmsNonePx, rmsFitPx, views, points, applied, said);
  }

  /**
   * Transfer error (px, the fit's {@code rmsFitPx}) at which a pair's time uncertainty is taken as
   * the pairs' scatter shows it; a lens fit that leaves more widens it in proportion.
   *
   * <p>DESIGN NOTE: one parameter does not follow every lens (FFmpeg's lenscorrection is a
   * polynomial in r^2 and r^4), and what it leaves bends the homographies alike over a stretch of
   * the run, so the pairs agree with each other about a slightly wrong moment. Measured on the
   * real-clip lens cases (scripts/bench-camera.sh): fits leaving 1.5-1.7 px had their truths inside
   * the interval, the two markers outside it (9 frames off, intervals 10-11 frames wide) came from
   * fits leaving 1.7 and 2.5 px and needed a factor of 1.6-1.8.
   */
  static final double FIT_REFERENCE_PX = 1.0;

  /** Largest widening. */
  static final double MAX_SIGMA_FACTOR = 3.0;

  /**
   * How much wider the marker intervals must be for what the lens fit leaves: {@code rmsFitPx /
   * FIT_REFERENCE_PX} within 1 to {@link #MAX_SIGMA_FACTOR} where the lens was applied, else 1.
   */
  public double sigmaFactor() {
    if (!applied || !Double.isFinite(rmsFitPx)) {
      return 1;
    }
    return Math.max(1, Math.min(MAX_SIGMA_FACTOR, rmsFitPx / FIT_REFERENCE_PX));
  }

  /** Whether a search ran. */
  public boolean searched() {
    return Double.isFinite(kFound);
  }

  /** The {@code lens} entries of timewarp.json's {@code camera} block. */
  Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lens", !searched() ? "not estimated" : applied ? "differs" : "same");
    m.put("lens_k", searched() ? round(k, 4) : null);
    m.put("lens_k_found", searched() ? round(kFound, 4) : null);
    m.put(
        "lens_fit_px", searched() ? new Double[] {round(rmsNonePx, 2), round(rmsFitPx, 2)} : null);
    m.put("lens_views", views);
    m.put("lens_telemetry", telemetry);
    return m;
  }

  /**
   * A few words for the summary line, e.g. {@code lens k -0.452 (fit 6.1 -> 2.3 px, files say W vs
   * L)}.
   */
  String describe() {
    if (!searched()) {
      return "lens not estimated";
    }
    if (!applied) {
      return String.format(Locale.ROOT, "lens same (k %+.3f not applied)", kFound);
    }
    return String.format(Locale.ROOT, "lens k %+.3f (fit %.1f -> %.1f px)", k, rmsNonePx, rmsFitPx);
  }

  private static Double round(double v, int digits) {
    if (!Double.isFinite(v)) {
      return null;
    }
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
