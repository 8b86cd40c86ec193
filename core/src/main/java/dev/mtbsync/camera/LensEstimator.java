package dev.mtbsync.camera;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_calib3d;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Finds the pair's relative lens distortion ({@link RadialLens}) from matched views: the k whose
 * undistorted new points one homography per view explains best.
 *
 * <p>DESIGN NOTE: two cameras at the same place see pictures related by one homography whatever
 * their focal lengths; a different lens projection bends that map radially, by up to a tenth of the
 * picture's size at the corners, so the homography fits the centre and the edges leave it. One
 * parameter is searched (a grid, then golden section around its best): for each k the new points
 * are undistorted, each view's homography is refitted by least squares over the matches within
 * {@value #CAP_PX} px (started from a RANSAC fit at k = 0, {@value #FIT_PX} px, and carried along
 * the search) and every match's transfer error counts up to {@value #CAP_PX} px (a truncated
 * square, so wrong matches weigh the same whatever k). Only keypoints move, a few hundred per view.
 */
public final class LensEstimator {

  /** Search range of k: beyond it a corner would move by more than a third of the picture. */
  static final double K_LIMIT = 0.6;

  /** Grid step of the first pass over k. */
  static final double GRID_STEP = 0.05;

  /** Golden-section steps within one grid step of the grid's best: k to about 0.001. */
  static final int REFINE_STEPS = 12;

  /** RANSAC reprojection threshold (px of the analysed frame), as the matching uses. */
  static final double FIT_PX = 3.0;

  /** Largest transfer error (px) one match adds to the cost. */
  static final double CAP_PX = 8.0;

  /** Matches used per view at most (evenly picked), to bound the cost. */
  static final int MAX_POINTS = 300;

  /** Matches a view needs to take part. */
  static final int MIN_POINTS = 20;

  /**
   * The fit is applied only when |k| is at least this (a corner moves by 3 % of the half-diagonal,
   * 16 px of a 960x540 frame) ...
   *
   * <p>DESIGN NOTE: measured (scripts/bench-camera.sh): same-lens pairs found |k| up to 0.009 (3
   * real clips, none and zoom+10; the synth ride), FFmpeg's lenscorrection 0.24 on the new run and
   * -0.28 on the reference, a fisheye synth ride -0.12 to -0.35. The cost's gain is a weak gate on
   * its own: wrong matches add the capped square whatever k, so on the synth ride (transfer error
   * 4.8-5.4 px, mostly capped) a fisheye lowered it by 1.5 % only, where the real clips' lens cases
   * lowered it by 60-75 %.
   */
  static final double MIN_K = 0.03;

  /**
   * ... and lowers the cost by this share at least, where the files do not say their lenses (see
   * {@link LensPrior#minGain}): a lens the pictures cannot tell from none is left out, so identical
   * cameras keep their figures exactly.
   */
  static final double MIN_GAIN = 0.01;

  private LensEstimator() {}

  /**
   * @param views matched points of each view, 4 floats a match: new x, y, reference x, y (px of the
   *     analysed frames)
   * @param width analysed new frame width (px)
   * @param height analysed new frame height (px)
   * @param minViews views with enough matches needed for a fit
   * @return the fit; {@link LensFit#none} when fewer than {@code minViews} views have enough
   *     matches
   */
  public static LensFit estimate(List<float[]> views, int width, int height, int minViews) {
    return estimate(views, width, height, minViews, LensPrior.UNKNOWN);
  }

  /**
   * As {@link #estimate(List, int, int, int)}, with what the files say of their lenses deciding how
   * clear the fit must be to be applied (see {@link LensPrior#minGain}).
   */
  public static LensFit estimate(
      List<float[]> views, int width, int height, int minViews, LensPrior prior) {
    List<float[]> used = new ArrayList<>();
    List<double[]> start = new ArrayList<>();
    for (float[] v : views) {
      if (v == null || v.length / 4 < MIN_POINTS) {
        continue;
      }
      float[] t = thin(v);
      double[] h = ransac(t);
      if (h != null) {
        used.add(t);
        start.add(h);
      }
    }
    if (used.size() < Math.max(1, minViews)) {
      return LensFit.none(used.size()).withTelemetry(prior.describe());
    }
    int points = used.stream().mapToInt(v -> v.length / 4).sum();
    Search s = new Search(used, width, height);
    double none = s.cost(0, copy(start));
    // the grid, outward from 0 either way, each step starting from the last step's homographies
    double best = 0;
    double bestCost = none;
    List<double[]> bestH = copy(start);
    for (int sign = -1; sign <= 1; sign += 2) {
      List<double[]> hs = copy(start);
      for (int i = 1; i * GRID_STEP <= K_LIMIT + 1e-9; i++) {
        double k = sign * i * GRID_STEP;
        double c = s.cost(k, hs);
        if (c < bestCost) {
          bestCost = c;
          best = k;
          bestH = copy(hs);
        }
      }
    }
    // golden section within a grid step either side of the grid's best
    double g = (Math.sqrt(5) - 1) / 2;
    double a = best - GRID_STEP;
    double b = best + GRID_STEP;
    double x1 = b - g * (b - a);
    double x2 = a + g * (b - a);
    double f1 = s.cost(x1, copy(bestH));
    double f2 = s.cost(x2, copy(bestH));
    for (int i = 0; i < REFINE_STEPS; i++) {
      if (f1 < f2) {
        b = x2;
        x2 = x1;
        f2 = f1;
        x1 = b - g * (b - a);
        f1 = s.cost(x1, copy(bestH));
      } else {
        a = x1;
        x1 = x2;
        f1 = f2;
        x2 = a + g * (b - a);
        f2 = s.cost(x2, copy(bestH));
      }
    }
    if (Math.min(f1, f2) < bestCost) {
      best = f1 < f2 ? x1 : x2;
      bestCost = Math.min(f1, f2);
    }
    boolean applied = Math.abs(best) >= MIN_K && bestCost <= (1 - prior.minGain()) * none;
    return new LensFit(
        applied ? best : 0,
        best,
        Math.sqrt(none),
        Math.sqrt(bestCost),
        used.size(),
        points,
        applied,
        prior.describe());
  }

  private static List<double[]> copy(List<double[]> hs) {
    List<double[]> out = new ArrayList<>(hs.size());
    for (double[] h : hs) {
      out.add(h.clone());
    }
    return out;
  }

  /** The cost of a k over the views, each view's homography refitted from a given start. */
  private record Search(List<float[]> views, int width, int height) {

    /**
     * Mean truncated squared transfer error (px^2) over every match at k; {@code hs} (one per view,
     * row-major, new px to reference px) start the refits and are replaced by them.
     */
    double cost(double k, List<double[]> hs) {
      RadialLens lens = new RadialLens(k, width, height);
      double sum = 0;
      int n = 0;
      for (int v = 0; v < views.size(); v++) {
        float[] p = lens.undistortMatches(views.get(v));
        double[] h = hs.get(v);
        for (int it = 0; it < REFITS; it++) {
          double[] next = refit(p, h);
          if (next == null) {
            break;
          }
          h = next;
        }
        hs.set(v, h);
        sum += truncated(p, h);
        n += p.length / 4;
      }
      return sum / n;
    }
  }

  /** Least-squares refits of a view's homography per cost evaluation. */
  static final int REFITS = 3;

  /**
   * The least-squares homography (direct linear transform, h33 = 1) through the matches within
   * {@link #CAP_PX} of {@code h}; null when too few are or the system is singular.
   *
   * <p>DESIGN NOTE: written out rather than called through OpenCV's findHomography, which runs
   * RANSAC and a Levenberg-Marquardt polish per call: the search refits a few hundred times per
   * pair, and a warm-started least squares over the near matches costs a hundredth of that.
   */
  static double[] refit(float[] p, double[] h) {
    int n = p.length / 4;
    // condition: both sides centred on their means and scaled to unit spread
    double[] sx = new double[4];
    int m = 0;
    boolean[] near = new boolean[n];
    double cap2 = CAP_PX * CAP_PX;
    for (int i = 0; i < n; i++) {
      if (transfer2(p, i, h) < cap2) {
        near[i] = true;
        for (int c = 0; c < 4; c++) {
          sx[c] += p[4 * i + c];
        }
        m++;
      }
    }
    if (m < MIN_POINTS / 2) {
      return null;
    }
    for (int c = 0; c < 4; c++) {
      sx[c] /= m;
    }
    double sa = 0;
    double sb = 0;
    for (int i = 0; i < n; i++) {
      if (near[i]) {
        sa += Math.hypot(p[4 * i] - sx[0], p[4 * i + 1] - sx[1]);
        sb += Math.hypot(p[4 * i + 2] - sx[2], p[4 * i + 3] - sx[3]);
      }
    }
    double ka = m / Math.max(1e-9, sa);
    double kb = m / Math.max(1e-9, sb);
    double[][] ata = new double[8][8];
    double[] atb = new double[8];
    for (int i = 0; i < n; i++) {
      if (!near[i]) {
        continue;
      }
      double x = (p[4 * i] - sx[0]) * ka;
      double y = (p[4 * i + 1] - sx[1]) * ka;
      double u = (p[4 * i + 2] - sx[2]) * kb;
      double v = (p[4 * i + 3] - sx[3]) * kb;
      double[] r1 = {x, y, 1, 0, 0, 0, -u * x, -u * y};
      double[] r2 = {0, 0, 0, x, y, 1, -v * x, -v * y};
      accumulate(ata, atb, r1, u);
      accumulate(ata, atb, r2, v);
    }
    double[] g = solve(ata, atb);
    if (g == null) {
      return null;
    }
    // back from the conditioned frames: H = Tb^-1 G Ta
    double[] gm = {g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], 1};
    double[] ta = {ka, 0, -ka * sx[0], 0, ka, -ka * sx[1], 0, 0, 1};
    double[] tbInv = {1 / kb, 0, sx[2], 0, 1 / kb, sx[3], 0, 0, 1};
    double[] out = mul(tbInv, mul(gm, ta));
    if (!(Math.abs(out[8]) > 1e-12)) {
      return null;
    }
    for (int i = 0; i < 9; i++) {
      out[i] /= out[8];
    }
    return out;
  }

  private static void accumulate(double[][] ata, double[] atb, double[] row, double rhs) {
    for (int r = 0; r < 8; r++) {
      if (row[r] == 0) {
        continue;
      }
      for (int c = 0; c < 8; c++) {
        ata[r][c] += row[r] * row[c];
      }
      atb[r] += row[r] * rhs;
    }
  }

  /** The normal equations solved by LU decomposition with partial pivoting; null when singular. */
  private static double[] solve(double[][] a, double[] b) {
    DecompositionSolver solver =
        new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-12).getSolver();
    return solver.isNonSingular() ? solver.solve(new ArrayRealVector(b, false)).toArray() : null;
  }

  private static double[] mul(double[] a, double[] b) {
    double[] out = new double[9];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        out[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
      }
    }
    return out;
  }

  /** Squared transfer error (px^2) of match i under h; +infinity where it is not finite. */
  private static double transfer2(float[] p, int i, double[] h) {
    double x = p[4 * i];
    double y = p[4 * i + 1];
    double w = h[6] * x + h[7] * y + h[8];
    double dx = (h[0] * x + h[1] * y + h[2]) / w - p[4 * i + 2];
    double dy = (h[3] * x + h[4] * y + h[5]) / w - p[4 * i + 3];
    double e2 = dx * dx + dy * dy;
    return Double.isFinite(e2) ? e2 : Double.POSITIVE_INFINITY;
  }

  /** Sum over a view's matches of the squared transfer error (px^2), each capped. */
  private static double truncated(float[] p, double[] h) {
    double cap2 = CAP_PX * CAP_PX;
    double sum = 0;
    for (int i = 0; i < p.length / 4; i++) {
      sum += Math.min(cap2, transfer2(p, i, h));
    }
    return sum;
  }

  /** A view's RANSAC homography (new px to reference px) at k = 0; null when none is found. */
  private static double[] ransac(float[] p) {
    int n = p.length / 4;
    try (Mat src = new Mat(n, 1, opencv_core.CV_32FC2);
        Mat dst = new Mat(n, 1, opencv_core.CV_32FC2)) {
      try (FloatIndexer si = src.createIndexer();
          FloatIndexer di = dst.createIndexer()) {
        for (int i = 0; i < n; i++) {
          si.put(i, 0, 0, p[4 * i]);
          si.put(i, 0, 1, p[4 * i + 1]);
          di.put(i, 0, 0, p[4 * i + 2]);
          di.put(i, 0, 1, p[4 * i + 3]);
        }
      }
      try (Mat h =
          opencv_calib3d.findHomography(
              src, dst, opencv_calib3d.RANSAC, FIT_PX, null, 500, 0.995)) {
        if (h.empty()) {
          return null;
        }
        double[] m = new double[9];
        try (DoubleIndexer hi = h.createIndexer()) {
          for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
              m[3 * r + c] = hi.get(r, c);
            }
          }
        }
        return m;
      }
    }
  }

  /** At most {@link #MAX_POINTS} matches, evenly picked. */
  private static float[] thin(float[] v) {
    int n = v.length / 4;
    if (n <= MAX_POINTS) {
      return v;
    }
    float[] out = new float[4 * MAX_POINTS];
    for (int i = 0; i < MAX_POINTS; i++) {
      int j = (int) ((long) i * n / MAX_POINTS);
      System.arraycopy(v, 4 * j, out, 4 * i, 4);
    }
    return out;
  }
}
