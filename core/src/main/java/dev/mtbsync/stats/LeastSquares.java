package dev.mtbsync.stats;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Least-squares lines and weighted polynomials through points, in one place, solved by Apache
 * Commons Math ({@link SimpleRegression} for a line, a QR decomposition of the weighted design for
 * a polynomial: no normal equations formed and solved by hand). Each answers {@code null} where the
 * points do not determine the fit; the caller decides what stands in then.
 */
public final class LeastSquares {

  /**
   * Below this, {@code n x} the x values' sum of squared deviations counts as no spread: the
   * determinant of the line's normal equations, with the limit the engine's hand-written fits used.
   */
  static final double MIN_LINE_SPREAD = 1e-12;

  /**
   * A diagonal element of the weighted design's R at or below this makes a polynomial singular: the
   * square root of the pivot limit (1e-12) the engine's hand-written elimination used on the normal
   * equations, whose pivots are R's diagonal squared.
   */
  static final double MIN_R_DIAGONAL = 1e-6;

  private LeastSquares() {}

  /**
   * The least-squares line {@code y = slope x + intercept} through the points.
   *
   * @return {slope, intercept}; null for fewer than two points or x values without spread
   */
  public static double[] line(double[] x, double[] y) {
    SimpleRegression r = new SimpleRegression(true);
    for (int i = 0; i < x.length; i++) {
      r.addData(x[i], y[i]);
    }
    long n = r.getN();
    if (n < 2 || n * r.getXSumSquares() < MIN_LINE_SPREAD) {
      return null;
    }
    return new double[] {r.getSlope(), r.getIntercept()};
  }

  /**
   * The weighted least-squares polynomial of the given degree through the points: minimises {@code
   * sum w_i (y_i - p(x_i))^2}.
   *
   * @param w each point's weight, more than 0
   * @return its coefficients, the constant term first ({@code degree + 1} of them); null for fewer
   *     points than coefficients or points that do not determine them (e.g. all at one x)
   */
  public static double[] polynomial(double[] x, double[] y, double[] w, int degree) {
    int m = degree + 1;
    int n = x.length;
    if (n < m) {
      return null;
    }
    double[][] design = new double[n][m];
    double[] target = new double[n];
    for (int i = 0; i < n; i++) {
      double s = Math.sqrt(w[i]);
      double p = s;
      for (int d = 0; d < m; d++) {
        design[i][d] = p;
        p *= x[i];
      }
      target[i] = s * y[i];
    }
    DecompositionSolver solver =
        new QRDecomposition(new Array2DRowRealMatrix(design, false), MIN_R_DIAGONAL).getSolver();
    if (!solver.isNonSingular()) {
      return null;
    }
    return solver.solve(new ArrayRealVector(target, false)).toArray();
  }
}
