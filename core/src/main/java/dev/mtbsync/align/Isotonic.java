package dev.mtbsync.align;

/**
 * Weighted isotonic regression (pool adjacent violators): the closest non-decreasing sequence.
 *
 * <p>DESIGN NOTE: written by hand: neither commons-math nor Hipparchus has isotonic regression.
 */
public final class Isotonic {

  private Isotonic() {}

  /**
   * @param value the sequence
   * @param weight a positive weight for each value
   * @return the non-decreasing sequence closest to {@code value} in weighted least squares
   */
  public static double[] fit(double[] value, double[] weight) {
    int n = value.length;
    double[] v = new double[n];
    double[] w = new double[n];
    int[] size = new int[n];
    int blocks = 0;
    for (int i = 0; i < n; i++) {
      v[blocks] = value[i];
      w[blocks] = weight[i];
      size[blocks] = 1;
      blocks++;
      while (blocks > 1 && v[blocks - 2] > v[blocks - 1]) {
        double sum = w[blocks - 2] + w[blocks - 1];
        v[blocks - 2] = (v[blocks - 2] * w[blocks - 2] + v[blocks - 1] * w[blocks - 1]) / sum;
        w[blocks - 2] = sum;
        size[blocks - 2] += size[blocks - 1];
        blocks--;
      }
    }
    double[] out = new double[n];
    int k = 0;
    for (int b = 0; b < blocks; b++) {
      for (int s = 0; s < size[b]; s++) {
        out[k++] = v[b];
      }
    }
    return out;
  }
}
