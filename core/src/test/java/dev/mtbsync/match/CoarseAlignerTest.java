package dev.mtbsync.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CoarseAlignerTest {

  /** Noisy similarity with a ridge along ref = offset + new * slope. */
  private static double[][] ridge(int n, int m, double offset, double slope, long seed) {
    Random random = new Random(seed);
    double[][] sim = new double[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double d = Math.abs(j - (offset + i * slope));
        sim[i][j] = 0.2 + 0.1 * random.nextGaussian() + (d < 1.5 ? 0.6 : 0);
      }
    }
    return sim;
  }

  @Test
  void followsTheRidgeOfAShiftedOverlap() {
    double[][] sim = ridge(120, 200, 30, 1.5, 1);
    int[] match = CoarseAligner.align(sim);
    int off = 0;
    for (int i = 0; i < match.length; i++) {
      if (match[i] >= 0 && Math.abs(match[i] - (30 + i * 1.5)) > 3) {
        off++;
      }
    }
    assertTrue(off <= 3, off + " of 120 samples off the ridge");
  }

  @Test
  void aSingleLookalikeCellAtTheCornerDoesNotWinOverTheOverlap() {
    // the new run's first picture looks almost exactly like the reference's last one (a seed of
    // the synthetic trail did this): a one-cell path from (0, m-1) has the lowest mean cost of all
    double[][] sim = ridge(120, 200, 20, 1.4, 2);
    sim[0][199] = 0.99;
    int[] match = CoarseAligner.align(sim);
    int onRidge = 0;
    for (int i = 0; i < match.length; i++) {
      if (match[i] >= 0 && Math.abs(match[i] - (20 + i * 1.4)) <= 3) {
        onRidge++;
      }
    }
    assertTrue(onRidge >= 110, "only " + onRidge + " of 120 samples on the true overlap");
  }

  @Test
  void aTinyMatrixStillGetsAPath() {
    double[][] sim = {{0.9, 0.1}, {0.1, 0.9}};
    int[] match = CoarseAligner.align(sim);
    assertEquals(0, match[0]);
    assertEquals(1, match[1]);
  }
}
