package dev.mtbsync.match;

/**
 * Finds the monotone path through the similarity matrix of two sequences of signatures that best
 * explains them, letting the new run start and end anywhere inside the reference and vice versa
 * (open-begin, open-end dynamic time warping).
 *
 * <p>DESIGN NOTE: the cost of a path is its mean cell cost (1 - similarity), so the matched stretch
 * is not rewarded for being short. Steps that advance only one run pay a small penalty so that
 * equal speeds follow the diagonal; they remain possible for pace changes and stops.
 */
final class CoarseAligner {

  private static final double SKIP_PENALTY = 0.02;

  private CoarseAligner() {}

  /**
   * @param sim similarity [new sample][ref sample], -1 to 1
   * @return for each new sample, the matched reference sample, or -1 where the path does not cover
   *     it (the new run is outside the reference there)
   */
  static int[] align(double[][] sim) {
    int n = sim.length;
    int m = sim[0].length;
    double[][] cost = new double[n][m];
    int[][] len = new int[n][m];
    byte[][] from = new byte[n][m]; // 0 start, 1 diagonal, 2 new only, 3 ref only
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double c = 1 - sim[i][j];
        double best = Double.MAX_VALUE;
        int bestLen = 1;
        byte how = 0;
        if (i == 0 || j == 0) {
          best = c;
        }
        if (i > 0
            && j > 0
            && better(cost[i - 1][j - 1] + c, len[i - 1][j - 1] + 1, best, bestLen)) {
          best = cost[i - 1][j - 1] + c;
          bestLen = len[i - 1][j - 1] + 1;
          how = 1;
        }
        if (i > 0 && better(cost[i - 1][j] + c + SKIP_PENALTY, len[i - 1][j] + 1, best, bestLen)) {
          best = cost[i - 1][j] + c + SKIP_PENALTY;
          bestLen = len[i - 1][j] + 1;
          how = 2;
        }
        if (j > 0 && better(cost[i][j - 1] + c + SKIP_PENALTY, len[i][j - 1] + 1, best, bestLen)) {
          best = cost[i][j - 1] + c + SKIP_PENALTY;
          bestLen = len[i][j - 1] + 1;
          how = 3;
        }
        cost[i][j] = best;
        len[i][j] = bestLen;
        from[i][j] = how;
      }
    }
    // open end: the best mean cost on the last row or column
    int ei = n - 1;
    int ej = m - 1;
    double bestMean = Double.MAX_VALUE;
    for (int j = 0; j < m; j++) {
      double mean = cost[n - 1][j] / len[n - 1][j];
      if (mean < bestMean) {
        bestMean = mean;
        ei = n - 1;
        ej = j;
      }
    }
    for (int i = 0; i < n; i++) {
      double mean = cost[i][m - 1] / len[i][m - 1];
      if (mean < bestMean) {
        bestMean = mean;
        ei = i;
        ej = m - 1;
      }
    }
    int[] match = new int[n];
    java.util.Arrays.fill(match, -1);
    int i = ei;
    int j = ej;
    while (true) {
      if (match[i] < 0) {
        match[i] = j; // the latest reference sample reached at new sample i
      }
      byte how = from[i][j];
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

  /** Whether (c1, l1) has a lower mean than (c0, l0), comparing without dividing. */
  private static boolean better(double c1, int l1, double c0, int l0) {
    return c0 == Double.MAX_VALUE || c1 * l0 < c0 * l1;
  }
}
