package dev.mtbsync.match;

import dev.mtbsync.camera.CameraDifference;
import dev.mtbsync.camera.CameraEstimator;
import dev.mtbsync.camera.LensEstimator;
import dev.mtbsync.camera.LensFit;
import dev.mtbsync.camera.LensPrior;
import dev.mtbsync.camera.RadialLens;
import dev.mtbsync.features.FrameFeatures;
import dev.mtbsync.features.ScannedVideo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Finds time pairs between a new run and the reference: coarse retrieval by global signatures and a
 * monotone open-ended path ({@link CoarsePath}: over the region both pictures show), ORB + RANSAC
 * verification only near that path, and placement of each verified pair between reference samples.
 * Every new sample is tried once; no new sample is compared with more than {@code 2 * searchSamples
 * + 1} reference samples by ORB.
 *
 * <p>Between the path's correction and the verification, the pair's lens difference is estimated
 * once ({@link LensEstimator}, from one view every {@link LensViews#EVERY_SEC}) and, where one is
 * found, taken out of the new run's keypoints, so that verification, parallax and the camera's zoom
 * all work in the reference's projection.
 *
 * <p>With a {@link SearchPrior} (the riders' GPS), the coarse path is sought only within the
 * prior's band: signatures are compared there only, and the path's cost grows with the band, not
 * with the product of both runs' lengths. Verification then runs as without a prior, from the path
 * the pictures chose inside the band.
 */
public final class PairFinder {

  private final MatchConfig config;
  private final LensPrior lensPrior;

  public PairFinder(MatchConfig config) {
    this(config, LensPrior.UNKNOWN);
  }

  /**
   * @param lensPrior what the two files say of their lenses (see {@link LensPrior})
   */
  public PairFinder(MatchConfig config, LensPrior lensPrior) {
    this.config = config.validate();
    this.lensPrior = lensPrior == null ? LensPrior.UNKNOWN : lensPrior;
  }

  /**
   * Pairs found, plus the tries that did not verify (inliers below the minimum), and the work done.
   *
   * @param orbMatches frames matched by ORB + RANSAC (the costly step)
   * @param coarseCells signature similarities computed for the coarse path
   * @param coarseSec time (s) the coarse path took
   * @param camera the camera difference the verified moments show
   */
  public record Result(
      List<TimePair> verified,
      List<TimePair> raw,
      int orbMatches,
      long coarseCells,
      double coarseSec,
      CameraDifference camera) {}

  private record Chunk(List<TimePair> tries, int orbMatches, List<double[]> scales) {}

  public Result find(ScannedVideo ref, ScannedVideo neu) {
    return find(ref, neu, null);
  }

  /**
   * @param prior where the reference is expected, or null to search by the pictures alone
   */
  public Result find(ScannedVideo ref, ScannedVideo neu, SearchPrior prior) {
    List<FrameFeatures> rs = ref.samples();
    List<FrameFeatures> ns = neu.samples();
    // the coarse path runs at the rarer of the two sampling rates, so equal speeds are diagonal
    int stride = Math.max(1, (int) Math.round(medianStep(ns) / medianStep(rs)));
    long started = System.nanoTime();
    int[] size = {ref.width(), ref.height(), neu.width(), neu.height()};
    CoarsePath.Result found = CoarsePath.find(rs, ns, stride, prior, size);
    int[] path = found.path();
    double coarseSec = (System.nanoTime() - started) / 1e9;

    ExecutorService pool = Executors.newFixedThreadPool(config.threads());
    try {
      int[] coarsePath = path.clone();
      PathCorrector corrector = new PathCorrector(config);
      int anchorMatches = corrector.correct(ref, neu, path, pool);
      // the lens: estimated once from views along the corrected path, then taken out of the new
      // run's keypoints, and the path corrected again with them where it changed anything
      LensFit lens = LensFit.none(0);
      ScannedVideo seen = neu;
      if (config.estimateLens()) {
        LensViews views = LensViews.collect(ref, neu, path, config, pool);
        anchorMatches += views.tried();
        lens =
            LensEstimator.estimate(
                views.points(), neu.width(), neu.height(), LensViews.MIN_VIEWS, lensPrior);
      }
      if (lens.applied()) {
        seen = LensViews.undistorted(neu, new RadialLens(lens.k(), neu.width(), neu.height()));
        System.arraycopy(coarsePath, 0, path, 0, path.length);
        anchorMatches += corrector.correct(ref, seen, path, pool);
      }
      ScannedVideo view = seen;
      CameraEstimator camera =
          new CameraEstimator(ref.width(), ref.height(), neu.width(), neu.height());
      int per = (ns.size() + config.threads() - 1) / config.threads();
      List<Future<Chunk>> chunks = new ArrayList<>();
      for (int start = 0; start < ns.size(); start += per) {
        int from = start;
        int to = Math.min(ns.size(), start + per);
        chunks.add(pool.submit(() -> verify(ref, view, path, stride, from, to, camera)));
      }
      List<TimePair> raw = new ArrayList<>();
      int matches = anchorMatches;
      for (Future<Chunk> c : chunks) {
        c.get();
      }
      // the camera's zoom: from the moments parallax placed where there are enough, else from all
      double zRef = camera.resolvedZoom(MIN_RESOLVED);
      if (!Double.isFinite(zRef)) {
        zRef = camera.estimate().zoom();
      }
      // the same pixel scale on both sides (the same camera, or a crop without scaling): nothing
      // biases the inlier peak, and the zoom's trend would only add its noise
      double pixelScale = zRef * neu.width() / ref.width();
      if (Math.abs(pixelScale - 1) < MIN_PIXEL_ZOOM) {
        zRef = Double.NaN;
      }
      for (Future<Chunk> c : chunks) {
        List<TimePair> tries = new ArrayList<>(c.get().tries());
        if (Double.isFinite(zRef)) {
          for (double[] s : c.get().scales()) {
            if (s != null) {
              int k = (int) s[0];
              TimePair p = tries.get(k);
              tries.set(
                  k,
                  new TimePair(
                      p.tNew(), scaleCorrected(p.tRef(), s, zRef), p.score(), p.inliers()));
            }
          }
        }
        raw.addAll(tries);
        matches += c.get().orbMatches();
      }
      List<TimePair> verified = new ArrayList<>();
      for (TimePair p : raw) {
        if (p.inliers() >= config.minInliers()) {
          verified.add(p);
        }
      }
      return new Result(
          verified,
          raw,
          matches,
          found.cells(),
          coarseSec,
          camera
              .estimate()
              .withLens(lens)
              .withFraming(found.framing().width(), found.framing().height())
              .withZoomTimed(Double.isFinite(zRef)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("matching interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("matching failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * ORB-checks each new sample against the reference sample on the coarse path and its two
   * neighbours, then climbs towards more inliers (at most {@code searchSamples} strides away); from
   * there it descends the parallax cost (at most {@link #PARALLAX_REACH_SEC} away) until the
   * cheapest sample has both neighbours tried, and places the pair between them.
   */
  private Chunk verify(
      ScannedVideo ref,
      ScannedVideo neu,
      int[] path,
      int stride,
      int from,
      int to,
      CameraEstimator camera) {
    List<TimePair> out = new ArrayList<>();
    List<double[]> scales = new ArrayList<>();
    List<FrameFeatures> rs = ref.samples();
    int matches = 0;
    try (ViewMatcher matcher = new ViewMatcher()) {
      for (int i = from; i < to; i++) {
        FrameFeatures n = neu.samples().get(i);
        if (path[i] < 0) {
          continue;
        }
        Candidates c = new Candidates(rs, path[i], config.searchSamples() * stride, matcher, n);
        // 1. towards more inliers: the views agree, though where apparent sizes agree
        int bestJ = path[i];
        boolean moved = true;
        while (moved) {
          moved = false;
          for (int j = bestJ - 1; j <= bestJ + 1; j++) {
            if (c.inSearch(j) && c.get(j).inliers() > c.get(bestJ).inliers()) {
              bestJ = j;
              moved = true;
            }
          }
        }
        int inliers = c.get(bestJ).inliers();
        int chosen = bestJ;
        double tRef = between(rs, c, bestJ);
        // 2. towards less parallax: where the two cameras stood at the same place
        boolean resolved =
            inliers >= config.minInliers() && c.resolvesParallax(bestJ, config.minInliers());
        if (resolved) {
          int cheapest = c.descendParallax(bestJ, config.minInliers());
          if (cheapest >= 0) {
            chosen = cheapest;
            inliers = c.get(cheapest).inliers();
            tRef = c.parallaxVertex(cheapest, config.minInliers());
          }
        }
        if (inliers >= config.minInliers()) {
          camera.add(c.get(chosen).homography());
          if (resolved) {
            camera.addResolved(c.get(chosen).homography());
          } else {
            scales.add(scaleTrend(rs, c, bestJ, camera, out.size()));
          }
        }
        matches += c.tried();
        out.add(new TimePair(n.tSec(), tRef, confidence(inliers), inliers));
      }
    }
    return new Chunk(out, matches, scales);
  }

  /**
   * {index in out, t, a, b}: the zoom the homographies show near the inlier peak, a + b (t_ref -
   * t), fitted through the peak and its neighbours; null entries where fewer than three are known.
   */
  private double[] scaleTrend(
      List<FrameFeatures> rs, Candidates c, int j, CameraEstimator camera, int index) {
    double t = rs.get(j).tSec();
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int m = 0;
    for (int k = j - 1; k <= j + 1; k++) {
      if (!c.exists(k) || c.get(k).inliers() < config.minInliers()) {
        continue;
      }
      double z = camera.zoomOf(c.get(k).homography());
      if (!Double.isFinite(z)) {
        continue;
      }
      double x = rs.get(k).tSec() - t;
      sx += x;
      sy += z;
      sxx += x * x;
      sxy += x * z;
      m++;
    }
    double den = m * sxx - sx * sx;
    if (m < 3 || Math.abs(den) < 1e-12) {
      return null;
    }
    double b = (m * sxy - sx * sy) / den;
    double a = (sy - b * sx) / m;
    double step = Math.max(rs.get(j).tSec() - rs.get(j - 1).tSec(), rs.get(j + 1).tSec() - t);
    return new double[] {index, t, a, b, step};
  }

  /**
   * Largest parallax cost (px^2) at both neighbours of the inlier peak for the parallax to place
   * the pair: beyond it the camera moves so far between reference samples that near points leave
   * the cost's cap and the cost is no longer a parabola in time.
   *
   * <p>DESIGN NOTE: measured on zoomed real clips (walking, driving, drone) and synth rides: with
   * the parallax always placing pairs, the synth rides' median marker error doubled (1.6 frames at
   * 60 fps, against 0.7 with the inlier peak), while on the slow real clips it took out most of the
   * zoom bias left after the anchors. 36 px^2 kept synth at 1.0 frame, 12 at 0.6 with the real
   * clips' gains kept. Fast footage, where this gate leaves the inlier peak in charge, is also
   * where the zoom bias is smallest in time (it shrinks with speed).
   */
  static final double RESOLVED_PX2 = 12;

  /** Pixel-scale difference (share) below which pairs are not corrected by the zoom's trend. */
  static final double MIN_PIXEL_ZOOM = 0.05;

  /** Moments placed by parallax needed before their zoom corrects the others. */
  static final int MIN_RESOLVED = 10;

  /**
   * The reference time where the homography's zoom equals the camera's, from the zoom's trend
   * through the inlier peak and its two neighbours ({@code s}: index, peak time t, a, b of zoom = a
   * + b (t_ref - t), sample step): within a sample of the peak, and only where the zoom changes
   * measurably with time (the camera moves).
   *
   * <p>DESIGN NOTE: where parallax is not resolved (fast riding), the inlier peak still leans
   * towards the moment where apparent sizes agree. Seen from a moving camera the homography's zoom
   * changes with the reference time, and at the true moment it is the camera's own zoom, one figure
   * per pair (the median over the run: from the moments parallax placed where there are ten of
   * them, else from all). Measured with scripts/bench-camera.sh (median marker error, frames):
   * synth rides at 60 fps, zoom +20 % 3.76 to 1.37, -20 % 4.03 to 3.25, stabilised 4.25 to 2.81;
   * the slow real clips lost a little (zoom +20 % 0.73 to 0.77, P90 3.84 to 4.58), and without a
   * gate the same-camera pairs lost more, so pairs whose pixel scales agree within {@link
   * #MIN_PIXEL_ZOOM} are left alone.
   */
  static double scaleCorrected(double tRef, double[] s, double zRef) {
    double t = s[1];
    double a = s[2];
    double b = s[3];
    double step = s[4];
    if (!(Math.abs(b) * step > 0.003)) {
      return tRef; // the camera hardly moves between samples: the zoom says nothing of time
    }
    double x = (zRef - a) / b;
    return t + Math.max(-step, Math.min(step, x));
  }

  /** How far (s) from the inlier peak the parallax descent may go. */
  static final double PARALLAX_REACH_SEC = 1.5;

  /**
   * Confidence of a pair from its RANSAC inliers: 20 inliers give 0.49, 40 give 0.74, 80 give 0.93.
   * Counts, not the inlier share, because a rich scene has many unmatched features.
   */
  static double confidence(int inliers) {
    return 1 - Math.exp(-inliers / 30.0);
  }

  /**
   * Places the match between reference samples.
   *
   * <p>DESIGN NOTE: ORB runs on a few frames a second, so the best reference sample is up to half a
   * sample interval from the true moment: too coarse for markers. The number of RANSAC inliers
   * falls off smoothly as the reference camera moves away from the new camera's place, roughly as a
   * Gaussian, so a parabola through the logarithms of the inlier counts at the best sample and its
   * two neighbours puts the peak between them (measured on synth pairs: median pair error 76 ms at
   * the best sample, 24 ms after this step, at 3 samples a second).
   */
  private static double between(List<FrameFeatures> rs, Candidates c3, int bestJ) {
    double t = rs.get(bestJ).tSec();
    if (!c3.exists(bestJ - 1) || !c3.exists(bestJ + 1)) {
      return t;
    }
    double a = Math.log1p(c3.get(bestJ - 1).inliers());
    double b = Math.log1p(c3.get(bestJ).inliers());
    double c = Math.log1p(c3.get(bestJ + 1).inliers());
    double curve = a - 2 * b + c;
    if (curve >= 0) {
      return t;
    }
    double delta = Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / curve));
    double dt = delta < 0 ? t - rs.get(bestJ - 1).tSec() : rs.get(bestJ + 1).tSec() - t;
    return t + delta * dt;
  }

  private static double medianStep(List<FrameFeatures> samples) {
    if (samples.size() < 2) {
      return 1;
    }
    double[] d = new double[samples.size() - 1];
    for (int i = 1; i < samples.size(); i++) {
      d[i - 1] = samples.get(i).tSec() - samples.get(i - 1).tSec();
    }
    java.util.Arrays.sort(d);
    return d[d.length / 2];
  }
}
