package dev.mtbsync.match;

import dev.mtbsync.features.FrameFeatures;
import dev.mtbsync.features.Signature;
import java.util.Arrays;
import java.util.List;

/**
 * The coarse path: each new sample's reference sample by the global signatures, over the whole
 * reference or within a prior's band, as a monotone open-ended path ({@link CoarseAligner}). The
 * signatures are compared over the region both pictures show ({@link Framing}), chosen once per
 * pair from a subset of the new samples.
 */
final class CoarsePath {

  /**
   * The path in reference sample indices (-1: not covered), the signature similarities computed,
   * and the framing they were compared under.
   */
  record Result(int[] path, long cells, Framing framing) {}

  /** New samples at most whose best similarity judges a framing. */
  static final int FRAMING_ROWS = 120;

  private CoarsePath() {}

  /**
   * @param stride reference samples per coarse column (the rarer sampling rate of the two)
   * @param prior where the reference is expected, or null to search the whole reference
   * @param size the analysed frames' {refWidth, refHeight, newWidth, newHeight} (px)
   */
  static Result find(
      List<FrameFeatures> rs, List<FrameFeatures> ns, int stride, SearchPrior prior, int[] size) {
    int coarse = (rs.size() + stride - 1) / stride;
    int n = ns.size();
    int[] lo = new int[n];
    int[] hi = new int[n];
    Arrays.fill(hi, coarse - 1);
    if (prior != null) {
      for (int i = 0; i < n; i++) {
        double want = prior.refAt(ns.get(i).tSec());
        double band = prior.bandAt(ns.get(i).tSec());
        if (Double.isFinite(want) && Double.isFinite(band)) {
          lo[i] = firstAtOrAfter(rs, stride, coarse, want - band);
          hi[i] = firstAtOrAfter(rs, stride, coarse, Math.nextUp(want + band)) - 1;
        }
      }
    }
    // rows whose band misses the reference lie before its start or after its end: only the
    // stretch between the first and last row with a band is aligned
    int first = 0;
    while (first < n && lo[first] > hi[first]) {
      first++;
    }
    int last = n - 1;
    while (last >= first && lo[last] > hi[last]) {
      last--;
    }
    int[] path = new int[n];
    Arrays.fill(path, -1);
    if (first > last) {
      return new Result(path, 0, Framing.SAME);
    }
    for (int i = first + 1; i < last; i++) {
      if (lo[i] > hi[i]) { // a gap inside: bridge it with its neighbour's band
        lo[i] = lo[i - 1];
        hi[i] = hi[i - 1];
      }
    }
    float[][] refSigs = new float[coarse][];
    for (int j = 0; j < coarse; j++) {
      refSigs[j] = rs.get(j * stride).signature();
    }
    float[][] newSigs = new float[n][];
    for (int i = 0; i < n; i++) {
      newSigs[i] = ns.get(i).signature();
    }
    long[] cells = {0};
    Framing framing = chooseFraming(refSigs, newSigs, lo, hi, first, last, size, cells);
    float[][] r = framing.refSide(refSigs);
    float[][] q = framing.newSide(newSigs);
    int rows = last - first + 1;
    int[] from = Arrays.copyOfRange(lo, first, last + 1);
    int top = first;
    // each row of similarities is made as the aligner reaches it and dropped after: the matrix of
    // two long runs is never held whole
    int[] sub =
        CoarseAligner.align(
            from,
            k -> {
              int i = top + k;
              double[] sim = new double[hi[i] - lo[i] + 1];
              for (int j = lo[i]; j <= hi[i]; j++) {
                sim[j - lo[i]] = Signature.similarity(q[i], r[j]);
              }
              cells[0] += sim.length;
              if (!framing.same()) {
                standardise(sim);
              }
              return sim;
            },
            coarse);
    for (int k = 0; k < rows; k++) {
      path[first + k] = sub[k] < 0 ? -1 : sub[k] * stride;
    }
    return new Result(path, cells[0], framing);
  }

  /**
   * The framing under which the new samples find their best match most clearly: the highest median,
   * over up to {@link #FRAMING_ROWS} new samples, of each one's best similarity within its band,
   * every framing compared over one window of the new picture ({@link Framing#refWindow}). Two
   * pictures of one shape are compared as they are, with nothing computed. Adds the similarities
   * computed to {@code cells[0]}.
   */
  private static Framing chooseFraming(
      float[][] refSigs,
      float[][] newSigs,
      int[] lo,
      int[] hi,
      int first,
      int last,
      int[] size,
      long[] cells) {
    List<Framing> candidates = Framing.candidates(size[0], size[1], size[2], size[3]);
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    // one window of the new picture that every framing can see in the reference, on one grid
    double across = 1;
    double down = 1;
    double refAcross = 1;
    double refDown = 1;
    for (Framing f : candidates) {
      across = Math.min(across, 1 / f.width());
      down = Math.min(down, 1 / f.height());
      refAcross = Math.min(refAcross, f.width());
      refDown = Math.min(refDown, f.height());
    }
    int[] grid = {
      Math.max(4, (int) Math.round(Signature.W * across * refAcross)),
      Math.max(4, (int) Math.round(Signature.H * down * refDown))
    };
    float[][] q = Framing.newWindow(newSigs, across, down, grid);
    int every = Math.max(1, (last - first + 1 + FRAMING_ROWS - 1) / FRAMING_ROWS);
    Framing best = Framing.SAME;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Framing f : candidates) {
      float[][] r = f.refWindow(refSigs, across, down, grid);
      double[] peaks = new double[(last - first) / every + 1];
      int m = 0;
      for (int i = first; i <= last; i += every) {
        double peak = -1;
        for (int j = lo[i]; j <= hi[i]; j++) {
          peak = Math.max(peak, Signature.similarity(q[i], r[j]));
        }
        cells[0] += hi[i] - lo[i] + 1;
        peaks[m++] = peak;
      }
      Arrays.sort(peaks, 0, m);
      double score = peaks[m / 2];
      if (score > bestScore) {
        bestScore = score;
        best = f;
      }
    }
    return best;
  }

  /** Z-scores of a row's similarities beyond which cells count as certain matches (sim 1). */
  static final double CONTRAST_Z = 3;

  /**
   * A row's similarities as z-scores over the row, scaled by {@link #CONTRAST_Z} into -1 to 1.
   *
   * <p>DESIGN NOTE: compared over a common region, signatures agree less at the true moment (the
   * region has fewer cells, the two encodings differ) while the whole row may agree almost as well
   * (a slow walk looks alike for seconds); with mean costs that close, a path ending early on the
   * reference's last sample can win ({@link CoarseAligner} refuses only paths shorter than a
   * quarter of the run; measured since that rule, without standardising the real clips' 4:3 pairs
   * kept 20/21 markers at P90 1.57 frames, with it 21/21 at 0.97). Against its row, the true moment
   * stands out. Measured on the real clips' 4:3 side crops: without it the road clip lost its last
   * marker and the walk's first was 1.2 frames off (0.1 with it); the synth ride's 4:3 pair was the
   * same either way. Pictures of one shape are left as before: on a same-camera synth ride
   * standardising moved two markers by 0.7-1 frame the wrong way.
   */
  static void standardise(double[] row) {
    double mean = 0;
    for (double v : row) {
      mean += v;
    }
    mean /= row.length;
    double var = 0;
    for (double v : row) {
      var += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(var / row.length);
    for (int j = 0; j < row.length; j++) {
      row[j] = sd < 1e-9 ? 0 : Math.max(-1, Math.min(1, (row[j] - mean) / (sd * CONTRAST_Z)));
    }
  }

  /** The first coarse column whose reference time is at or after t (s); {@code coarse} if none. */
  private static int firstAtOrAfter(List<FrameFeatures> rs, int stride, int coarse, double t) {
    int lo = 0;
    int hi = coarse;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (rs.get(mid * stride).tSec() < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
