package dev.mtbsync.match;

/**
 * Finds the monotone path through the similarity matrix of two sequences of signatures that best
 * explains them, letting the new run start and end anywhere inside the reference and vice versa
 * (open-begin, open-end dynamic time warping).
 *
 * <p>DESIGN NOTE: the cost of a path is its mean cell cost (1 - similarity), so the matched stretch
 * is not rewarded for being short. Steps that advance only one run pay a small penalty so that
 * equal speeds follow the diagonal; they remain possible for pace changes and stops.
 *
 * <p>The matrix may be a band: each row holds only a run of columns (where a prior such as GPS
 * expects the path), and cost and memory then grow with the band, not with the whole matrix. A full
 * matrix is the band of every column, and gives the same path as before bands existed.
 */
final class CoarseAligner {

  private static final double SKIP_PENALTY = 0.02;

  /** Cost of a cell no path reaches (outside the band of its neighbours). */
  private static final double UNREACHED = Double.MAX_VALUE;

  /**
   * Shortest path worth ending on, as a share of the shorter run's samples: runs that overlap by
   * less than this are not the same trail for a sync, and shorter paths win on mean cost by chance.
   */
  private static final double MIN_OVERLAP = 0.25;

  private CoarseAligner() {}

  /**
   * @param sim similarity [new sample][ref sample], -1 to 1
   * @return for each new sample, the matched reference sample, or -1 where the path does not cover
   *     it (the new run is outside the reference there)
   */
  static int[] align(double[][] sim) {
    return align(new int[sim.length], sim, sim[0].length);
  }

  /**
   * @param lo the first column of each row's band
   * @param rows similarity of row i to columns {@code lo[i] .. lo[i] + rows[i].length - 1}, -1 to
   *     1; every row holds at least one column
   * @param m columns in all (reference samples)
   * @return as {@link #align(double[][])}
   */
  static int[] align(int[] lo, double[][] rows, int m) {
    int n = rows.length;
    double[][] cost = new double[n][];
    int[][] len = new int[n][];
    byte[][] from = new byte[n][]; // 0 start, 1 diagonal, 2 new only, 3 ref only
    for (int i = 0; i < n; i++) {
      int w = rows[i].length;
      cost[i] = new double[w];
      len[i] = new int[w];
      from[i] = new byte[w];
      for (int k = 0; k < w; k++) {
        int j = lo[i] + k;
        double c = 1 - rows[i][k];
        double best = UNREACHED;
        int bestLen = 1;
        byte how = 0;
        if (i == 0 || j == 0) {
          best = c;
        }
        int d = i > 0 ? j - 1 - lo[i - 1] : -1; // the diagonal cell in the previous row's band
        if (j > 0 && d >= 0 && d < cost[i - 1].length && cost[i - 1][d] != UNREACHED) {
          if (better(cost[i - 1][d] + c, len[i - 1][d] + 1, best, bestLen)) {
            best = cost[i - 1][d] + c;
            bestLen = len[i - 1][d] + 1;
            how = 1;
          }
        }
        int u = d + 1; // the cell above
        if (i > 0 && u >= 0 && u < cost[i - 1].length && cost[i - 1][u] != UNREACHED) {
          if (better(cost[i - 1][u] + c + SKIP_PENALTY, len[i - 1][u] + 1, best, bestLen)) {
            best = cost[i - 1][u] + c + SKIP_PENALTY;
            bestLen = len[i - 1][u] + 1;
            how = 2;
          }
        }
        if (k > 0 && cost[i][k - 1] != UNREACHED) {
          if (better(cost[i][k - 1] + c + SKIP_PENALTY, len[i][k - 1] + 1, best, bestLen)) {
            best = cost[i][k - 1] + c + SKIP_PENALTY;
            bestLen = len[i][k - 1] + 1;
            how = 3;
          }
        }
        cost[i][k] = best;
        len[i][k] = bestLen;
        from[i][k] = how;
      }
    }
    // open end: the best mean cost on the last row or column, among paths long enough to be an
    // overlap; a path of a few cells (the new run's first sample against the reference's last) can
    // have the lowest mean of all and says nothing
    int minLen = Math.max(1, (int) (MIN_OVERLAP * Math.min(n, m)));
    int[] end = bestEnd(cost, len, lo, m, minLen);
    if (end == null) {
      end = bestEnd(cost, len, lo, m, 1);
    }
    int[] match = new int[n];
    java.util.Arrays.fill(match, -1);
    if (end == null) {
      return match; // no path through the band at all
    }
    int ei = end[0];
    int ek = end[1];
    int i = ei;
    int j = lo[ei] + ek;
    while (true) {
      if (match[i] < 0) {
        match[i] = j; // the latest reference sample reached at new sample i
      }
      byte how = from[i][j - lo[i]];
      if (how == 0) {
        break;
      } else if (how == 1) {
        i--;
        j--;
      } else if (how == 2) {
        i--;
      } else {
        j--;
      }
    }
    return match;
  }

  /**
   * The end cell (row, band index) on the last row or last column whose path of at least {@code
   * minLen} cells has the lowest mean cost, or null when none is that long.
   */
  private static int[] bestEnd(double[][] cost, int[][] len, int[] lo, int m, int minLen) {
    int n = cost.length;
    int[] end = null;
    double bestMean = Double.MAX_VALUE;
    for (int k = 0; k < cost[n - 1].length; k++) {
      if (reached(cost, len, n - 1, k, minLen) && cost[n - 1][k] / len[n - 1][k] < bestMean) {
        bestMean = cost[n - 1][k] / len[n - 1][k];
        end = new int[] {n - 1, k};
      }
    }
    for (int i = 0; i < n; i++) {
      int k = m - 1 - lo[i];
      if (k >= 0 && k < cost[i].length && reached(cost, len, i, k, minLen)) {
        double mean = cost[i][k] / len[i][k];
        if (mean < bestMean) {
          bestMean = mean;
          end = new int[] {i, k};
        }
      }
    }
    return end;
  }

  private static boolean reached(double[][] cost, int[][] len, int i, int k, int minLen) {
    return cost[i][k] != UNREACHED && len[i][k] >= minLen;
  }

  /** Whether (c1, l1) has a lower mean than (c0, l0), comparing without dividing. */
  private static boolean better(double c1, int l1, double c0, int l0) {
    return c0 == UNREACHED || c1 * l0 < c0 * l1;
  }
}
