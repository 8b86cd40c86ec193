package dev.mtbsync.match;

import dev.mtbsync.features.Signature;
import java.util.ArrayList;
import java.util.List;

/**
 * How the new run's picture sits in the reference's, as far as the coarse signatures need it: a
 * window centred in the reference picture, {@code width} x {@code height} in reference picture
 * units ((1, 1): the same framing; (0.75, 1): the new run's sides cropped away, as a 4:3 crop of a
 * 16:9 picture; above 1: the new run sees more than the reference). Signatures are compared over
 * the region both pictures show, resampled to one grid.
 *
 * <p>DESIGN NOTE: a signature is a 20x12 thumbnail of the whole picture, so two cameras that frame
 * the same place differently have thumbnails that do not correlate cell by cell. Where the aspect
 * ratios differ (a 4:3 mode against 16:9) the coarse path settled seconds from the truth or covered
 * a fraction of the run (measured on the real clips: the road clip's 4:3 side crop refused, the
 * walk's markers up to 33 frames off and one in seven lost). Each cell holds the mean luma of its
 * part of the picture, so the common region's thumbnail is a box-weighted sum of cells on either
 * side: nothing is decoded again.
 *
 * <p>Only the aspect's framings are tried. Zoomed framings (10 and 20 % either way) were tried as
 * well: scored on one window they did not stand out by 2 % for the zoomed and stabilised pairs
 * (0.2-1.2 % on the real clips), and scored each on its own common region the smaller windows won
 * for leaving out the picture's edges, which the same camera's roll and shake change most (a synth
 * ride filmed alike: 0.915 whole, 0.942 for the middle 91 %), and moved its markers.
 */
record Framing(double width, double height) {

  /** The same framing: signatures compared as they are. */
  static final Framing SAME = new Framing(1, 1);

  /** Fewest cells across the common region's grid. */
  private static final int MIN_CELLS = 4;

  /**
   * The framings worth trying for two picture shapes (px of the analysed frames): {@link #SAME}
   * alone for one aspect ratio; else also the narrower picture cropped at the sides (equal heights:
   * a 4:3 cut from 16:9) and at the top and bottom (equal widths: 16:9 cut from a taller 4:3
   * sensor).
   */
  static List<Framing> candidates(int refW, int refH, int newW, int newH) {
    double refAspect = refW / (double) refH;
    double newAspect = newW / (double) newH;
    List<Framing> out = new ArrayList<>();
    out.add(SAME);
    if (Math.abs(newAspect / refAspect - 1) >= 0.02) {
      out.add(new Framing(newAspect / refAspect, 1)); // equal heights
      out.add(new Framing(1, refAspect / newAspect)); // equal widths
    }
    return out;
  }

  boolean same() {
    return equals(SAME);
  }

  /** The reference's signatures over the common region (as given for {@link #SAME}). */
  float[][] refSide(float[][] signatures) {
    return same()
        ? signatures
        : resample(signatures, Math.min(1, width), Math.min(1, height), grid());
  }

  /** The new run's signatures over the common region (as given for {@link #SAME}). */
  float[][] newSide(float[][] signatures) {
    return same()
        ? signatures
        : resample(signatures, Math.min(1, 1 / width), Math.min(1, 1 / height), grid());
  }

  /**
   * The reference's signatures over what the new picture's centred window of {@code across} x
   * {@code down} (shares of the new picture) shows under this framing, on a {@code grid[0]} x
   * {@code grid[1]} grid. With one window and one grid for every framing, their scores differ by
   * the framing alone: a smaller common region would otherwise score higher for leaving out the
   * picture's edges, where roll and shake differ most (measured on a synth ride filmed with the
   * same camera: 0.915 for whole pictures, 0.942 for the middle 91 %).
   */
  float[][] refWindow(float[][] signatures, double across, double down, int[] grid) {
    return resample(signatures, across * width, down * height, grid);
  }

  /** The new run's signatures over its centred window, as {@link #refWindow} needs them. */
  static float[][] newWindow(float[][] signatures, double across, double down, int[] grid) {
    return resample(signatures, across, down, grid);
  }

  /** Columns and rows of the common region's grid: the coarser of the two sides. */
  private int[] grid() {
    double across = Math.min(Math.min(1, width), Math.min(1, 1 / width));
    double down = Math.min(Math.min(1, height), Math.min(1, 1 / height));
    return new int[] {
      Math.max(MIN_CELLS, (int) Math.round(Signature.W * across)),
      Math.max(MIN_CELLS, (int) Math.round(Signature.H * down))
    };
  }

  /**
   * Each signature's centred window of {@code across} x {@code down} (shares of the picture),
   * box-resampled to the common grid, centred and scaled to unit length again.
   */
  private static float[][] resample(float[][] signatures, double across, double down, int[] g) {
    double[][] wx = boxWeights(Signature.W, across, g[0]);
    double[][] wy = boxWeights(Signature.H, down, g[1]);
    float[][] out = new float[signatures.length][];
    double[] rows = new double[g[1] * Signature.W];
    for (int s = 0; s < signatures.length; s++) {
      float[] v = signatures[s];
      java.util.Arrays.fill(rows, 0);
      for (int r = 0; r < g[1]; r++) {
        for (int y = 0; y < Signature.H; y++) {
          double w = wy[r][y];
          if (w != 0) {
            for (int x = 0; x < Signature.W; x++) {
              rows[r * Signature.W + x] += w * v[y * Signature.W + x];
            }
          }
        }
      }
      double[] cells = new double[g[0] * g[1]];
      double mean = 0;
      for (int r = 0; r < g[1]; r++) {
        for (int c = 0; c < g[0]; c++) {
          double sum = 0;
          for (int x = 0; x < Signature.W; x++) {
            sum += wx[c][x] * rows[r * Signature.W + x];
          }
          cells[r * g[0] + c] = sum;
          mean += sum;
        }
      }
      mean /= cells.length;
      double norm = 0;
      for (int i = 0; i < cells.length; i++) {
        cells[i] -= mean;
        norm += cells[i] * cells[i];
      }
      double inv = 1 / Math.sqrt(norm + 1e-12);
      float[] o = new float[cells.length];
      for (int i = 0; i < cells.length; i++) {
        o[i] = (float) (cells[i] * inv);
      }
      out[s] = o;
    }
    return out;
  }

  /**
   * weights[k][i]: the share of output cell k (of {@code cells} across the centred window of {@code
   * share} of {@code n} source cells) that source cell i covers.
   */
  static double[][] boxWeights(int n, double share, int cells) {
    double from = n * (1 - share) / 2;
    double step = n * share / cells;
    double[][] w = new double[cells][n];
    for (int k = 0; k < cells; k++) {
      double a = from + k * step;
      double b = a + step;
      for (int i = (int) Math.floor(a); i < Math.min(n, Math.ceil(b)); i++) {
        double overlap = Math.min(b, i + 1) - Math.max(a, i);
        if (overlap > 0) {
          w[k][i] = overlap / step;
        }
      }
    }
    return w;
  }
}
