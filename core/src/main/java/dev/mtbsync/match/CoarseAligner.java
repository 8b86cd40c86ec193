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
    return align(lo, i -> rows[i], m);
  }

  /**
   * As {@link #align(int[], double[][], int)}, each row asked for once, in order, and not kept.
   *
   * <p>DESIGN NOTE: the costs are kept for two rows only, and for the last column; the way back is
   * one byte a cell. A 20-minute run against a 20-minute reference is 43 million cells: 21 bytes a
   * cell (similarity, cost, length and step, all kept) took 900 MB, over the memory a sync is meant
   * to need; one byte takes 43 MB. Same arithmetic, same order: the same path.
   */
  static int[] align(int[] lo, java.util.function.IntFunction<double[]> rows, int m) {
    int n = lo.length;
    byte[][] from = new byte[n][]; // 0 start, 1 diagonal, 2 new only, 3 ref only
    double[] prevCost = new double[0];
    int[] prevLen = new int[0];
    double[] lastColCost =
        new double[n]; // each row's cell in the last column, when its band has it
    int[] lastColLen = new int[n];
    java.util.Arrays.fill(lastColCost, UNREACHED);
    for (int i = 0; i < n; i++) {
      double[] row = rows.apply(i);
      int w = row.length;
      double[] cost = new double[w];
      int[] len = new int[w];
      from[i] = new byte[w];
      for (int k = 0; k < w; k++) {
        int j = lo[i] + k;
        double c = 1 - row[k];
        double best = UNREACHED;
        int bestLen = 1;
        byte how = 0;
        if (i == 0 || j == 0) {
          best = c;
        }
        int d = i > 0 ? j - 1 - lo[i - 1] : -1; // the diagonal cell in the previous row's band
        if (j > 0 && d >= 0 && d < prevCost.length && prevCost[d] != UNREACHED) {
          if (better(prevCost[d] + c, prevLen[d] + 1, best, bestLen)) {
            best = prevCost[d] + c;
            bestLen = prevLen[d] + 1;
            how = 1;
          }
        }
        int u = d + 1; // the cell above
        if (i > 0 && u >= 0 && u < prevCost.length && prevCost[u] != UNREACHED) {
          if (better(prevCost[u] + c + SKIP_PENALTY, prevLen[u] + 1, best, bestLen)) {
            best = prevCost[u] + c + SKIP_PENALTY;
            bestLen = prevLen[u] + 1;
            how = 2;
          }
        }
        if (k > 0 && cost[k - 1] != UNREACHED) {
          if (better(cost[k - 1] + c + SKIP_PENALTY, len[k - 1] + 1, best, bestLen)) {
            best = cost[k - 1] + c + SKIP_PENALTY;
            bestLen = len[k - 1] + 1;
            how = 3;
          }
        }
        cost[k] = best;
        len[k] = bestLen;
        from[i][k] = how;
      }
      int lastCol = m - 1 - lo[i];
      if (lastCol >= 0 && lastCol < w) {
        lastColCost[i] = cost[lastCol];
        lastColLen[i] = len[lastCol];
      }
      prevCost = cost;
      prevLen = len;
    }
    // open end: the best mean cost on the last row or column, among paths long enough to be an
    // overlap; a path of a few cells (the new run's first sample against the reference's last) can
    // have the lowest mean of all and says nothing
    int minLen = Math.max(1, (int) (MIN_OVERLAP * Math.min(n, m)));
    int[] end = bestEnd(prevCost, prevLen, lastColCost, lastColLen, lo, m, minLen);
    if (end == null) {
      end = bestEnd(prevCost, prevLen, lastColCost, lastColLen, lo, m, 1);
    }
    int[] match = new int[n];
    java.util.Arrays.fill(match, -1);
    if (end == null) {
      return match; // no path through the band at all
    }
    int i = end[0];
    int j = lo[end[0]] + end[1];
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
   * The end cell (row, band index) on the last row ({@code lastCost}, {@code lastLen}) or the last
   * column ({@code colCost}, {@code colLen}, one per row) whose path of at least {@code minLen}
   * cells has the lowest mean cost, or null when none is that long.
   */
  private static int[] bestEnd(
      double[] lastCost,
      int[] lastLen,
      double[] colCost,
      int[] colLen,
      int[] lo,
      int m,
      int minLen) {
    int n = lo.length;
    int[] end = null;
    double bestMean = Double.MAX_VALUE;
    for (int k = 0; k < lastCost.length; k++) {
      if (reached(lastCost[k], lastLen[k], minLen) && lastCost[k] / lastLen[k] < bestMean) {
        bestMean = lastCost[k] / lastLen[k];
        end = new int[] {n - 1, k};
      }
    }
    for (int i = 0; i < n; i++) {
      if (reached(colCost[i], colLen[i], minLen)) {
        double mean = colCost[i] / colLen[i];
        if (mean < bestMean) {
          bestMean = mean;
          end = new int[] {i, m - 1 - lo[i]};
        }
      }
    }
    return end;
  }

  private static boolean reached(double cost, int len, int minLen) {
    return cost != UNREACHED && len >= minLen;
  }

  /** Whether (c1, l1) has a lower mean than (c0, l0), comparing without dividing. */
  private static boolean better(double c1, int l1, double c0, int l0) {
    return c0 == UNREACHED || c1 * l0 < c0 * l1;
  }
}
