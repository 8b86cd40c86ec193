package dev.mtbsync.match;

import dev.mtbsync.features.FrameFeatures;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.features.OrbExtractor;
import dev.mtbsync.stats.Stats;
import dev.mtbsync.video.SparseLumaDecoder;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.global.opencv_video;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * Places single moments of the reference (the markers) on the new run's own frames: the reference
 * frame at the moment is compared with every new frame near the warp's estimate, each aligned to it
 * by one homography that minimises their pixel difference (OpenCV's ECC), and the moment is the
 * vertex of the least-squares parabola through the residual around its least value.
 *
 * <p>DESIGN NOTE: the pairs the warp is fitted through are timed on samples a tenth of a second
 * apart by counting features, and what they leave (a zoom, a lens, a drifting crop between the
 * cameras) moves markers by several frames. At the true moment both cameras stand at the same
 * place, so after one homography (rotation, zoom, crop, shift) their pictures agree pixel for pixel
 * whatever the zoom; a frame early or late, near things have moved against far ones and no
 * homography takes that out. The residual over all pixels is a smooth valley in time, where counts
 * of matched features are noisy from frame to frame. Measured on the benchmark's re-framed real
 * clips (zoom +-5/10/20 %, 4:3 crop, rotation, stabilisation window) the vertex fell within 0.5
 * frame of the truth on most markers; where no place matches (a line ridden to the side, another
 * mount height, a lens) the residual at the vertex stays high and {@link #trusted} refuses it.
 */
public final class MomentRefiner {

  /**
   * Long side (px) of the pictures ECC aligns. Measured on a synth ride at 60 fps (10 markers, one
   * thread): 320 px and 40 iterations placed them within 0.1-1.9 frames in 9.2 s, 240 px and 25
   * iterations within 0.2-1.4 frames in 4.5 s; alternate frames only (30 a second) doubled the
   * errors without saving time (the walk takes more steps).
   */
  static final int ECC_SIDE = 240;

  /** Frames either side of the least residual the parabola is fitted through. */
  static final int FIT_FRAMES = 4;

  /** Farthest (s) from the warp's estimate a moment is sought. */
  public static final double MAX_REACH_SEC = 0.5;

  /** Nearest (s) the search reaches either side of the estimate, whatever the warp's interval. */
  static final double MIN_REACH_SEC = 0.12;

  /**
   * One moment to place.
   *
   * @param tRef the moment in the reference (s)
   * @param tNew the warp's estimate in the new run (s)
   * @param halfWidthSec half the warp's 90 % interval there (s)
   * @param slope the warp's reference seconds per new second there
   */
  public record Request(double tRef, double tNew, double halfWidthSec, double slope) {}

  /**
   * A moment placed on the new run's frames.
   *
   * @param tNew the moment in the new run (s)
   * @param sigmaSec standard error of the parabola's vertex (s)
   * @param residual the pixel residual at the vertex (1 - ECC's correlation): near 0 where one
   *     homography aligns the pictures, 0.05 and more where no frame of the new run stood where the
   *     reference did
   * @param frames new frames aligned
   */
  public record Moment(double tNew, double sigmaSec, double residual, int frames) {

    /**
     * The moment's standard error (s) as measured against the benchmark's truths: the vertex's own
     * error (times {@link #VERTEX_FACTOR}) and what the pictures leave ({@link #FLOOR_SEC} plus
     * {@link #RESIDUAL_SEC} per unit of residual), the latter in reference time, so spread over
     * more of the new run where it moves slower than the reference ({@code slope}: reference
     * seconds per new second).
     */
    public double errorSec(double slope) {
      double pictures = (FLOOR_SEC + RESIDUAL_SEC * residual) / Math.max(MIN_SLOPE, slope);
      return Math.hypot(VERTEX_FACTOR * sigmaSec, pictures);
    }
  }

  /**
   * DESIGN NOTE (calibration): the vertex's standard error from the parabola alone was 5 to 25
   * times smaller than the errors met on the benchmark (scripts/bench-camera.sh, real clips
   * re-framed 13 ways and synth rides at 60 fps), because what limits the placement is not the
   * residuals' scatter but what the pictures cannot align (render noise, motion blur, a frame's
   * exposure). Fitted over 266 real and 70 synth markers (the 90 % interval held the truth for 94
   * and 96 %): three times the vertex's error, combined with 6 ms plus 0.6 s per unit of residual
   * (real clips leave 0.001-0.008, synth rides 0.015-0.04).
   */
  static final double VERTEX_FACTOR = 3;

  static final double FLOOR_SEC = 0.006;

  static final double RESIDUAL_SEC = 0.6;

  /** Slowest new run against the reference (reference s per new s) the error is spread over. */
  static final double MIN_SLOPE = 0.2;

  /**
   * Residual above which the pictures never matched: a lens the one-parameter model did not take
   * out left 0.05-0.39 on the benchmark, a matched moment at most 0.04.
   */
  static final double MAX_RESIDUAL = 0.04;

  /**
   * A moment whose residual is this many times the run's median (plus {@link #RESIDUAL_SLACK}) is
   * not trusted: on one run the pictures are alike throughout, and a moment that aligns far worse
   * than the others was placed on a frame that only looks alike (measured: the last marker of a
   * zoomed road clip, past the end of the new run, 0.017 against a median of 0.0006, 8 frames off).
   */
  static final double RELATIVE_RESIDUAL = 4;

  static final double RESIDUAL_SLACK = 0.002;

  /**
   * Which moments to trust ({@link #MAX_RESIDUAL}, {@link #RELATIVE_RESIDUAL}); false for null
   * ones.
   */
  public static boolean[] trusted(List<Moment> moments) {
    double[] res = moments.stream().filter(m -> m != null).mapToDouble(Moment::residual).toArray();
    boolean[] out = new boolean[moments.size()];
    if (res.length == 0) {
      return out;
    }
    double median = Stats.median(res);
    for (int i = 0; i < out.length; i++) {
      Moment m = moments.get(i);
      out[i] =
          m != null
              && m.residual() <= MAX_RESIDUAL
              && m.residual() <= RELATIVE_RESIDUAL * median + RESIDUAL_SLACK;
    }
    return out;
  }

  /**
   * Keeps the reference frames decoded at moments, between syncs against one reference: the markers
   * are the same moments every time.
   */
  public interface FrameStore {
    /** The frame kept for the moment {@code tRef} (s), or null. */
    VideoFrame get(double tRef);

    /** Keeps the frame decoded nearest {@code tRef}. */
    void put(double tRef, VideoFrame frame) throws IOException;

    /** Keeps nothing. */
    FrameStore NONE =
        new FrameStore() {
          @Override
          public VideoFrame get(double tRef) {
            return null;
          }

          @Override
          public void put(double tRef, VideoFrame frame) {}
        };
  }

  private final Path refVideo;
  private final Path newVideo;
  private final OrbConfig orb;
  private final int threads;
  private final int minInliers;
  private final double zoom;
  private FrameStore refFrames = FrameStore.NONE;

  /**
   * @param newVideo the file the new run's samples were analysed from
   * @param orb the features the run was matched with (for the first alignment)
   * @param zoom the camera difference's zoom ({@link dev.mtbsync.camera.CameraDifference#zoom}):
   *     the new pictures are shrunk to the reference's scale of detail; NaN where not estimated
   */
  public MomentRefiner(
      Path refVideo, Path newVideo, OrbConfig orb, int threads, int minInliers, double zoom) {
    this.zoom = zoom;
    this.refVideo = refVideo;
    this.newVideo = newVideo;
    this.orb = orb;
    this.threads = Math.max(1, threads);
    this.minInliers = minInliers;
  }

  /** Keeps the reference frames at the moments in {@code store}, and reads them back from it. */
  public MomentRefiner keepingReferenceFrames(FrameStore store) {
    this.refFrames = store;
    return this;
  }

  /**
   * The placed moments, in the requests' order; null where a request found no clear valley.
   *
   * @param done told how many requests are done, after each
   */
  public List<Moment> refine(List<Request> requests, java.util.function.IntConsumer done)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    // the reference frames decoded in the first round serve the second
    FrameStore frames = new Remembered(refFrames);
    try {
      // each worker takes a stretch of the requests in time order, with its own decoders of both
      // videos: opening a video costs more than seeking in it, and moments close in time share
      // their decoding (see decodeSpans)
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        Request q = requests.get(i);
        if (q.slope() > 0 && Double.isFinite(q.tNew()) && Double.isFinite(q.tRef())) {
          order.add(i);
        }
      }
      order.sort(Comparator.comparingDouble(i -> requests.get(i).tNew()));
      Map<Integer, Moment> all = inParallel(pool, requests, order, false, frames, done);
      List<Moment> out = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        out.add(all.get(i));
      }
      // a placement the run does not trust may be a walk stopped in a valley of a frame that only
      // looks alike: those are sought once more over every frame within twice the reach, and the
      // lower residual kept (measured: the road clip's zoom+10 copy, its last marker's walk
      // stopped 0.44 s early at 0.011 where the true moment, 0.35 s from the estimate, aligns at
      // 0.0004)
      boolean[] trusted = trusted(out);
      List<Integer> again = new ArrayList<>();
      for (int i : order) {
        if (out.get(i) != null && !trusted[i]) {
          again.add(i);
        }
      }
      if (!again.isEmpty()) {
        Map<Integer, Moment> scanned = inParallel(pool, requests, again, true, frames, n -> {});
        for (int i : again) {
          Moment m = scanned.get(i);
          if (m != null && m.residual() < out.get(i).residual()) {
            out.set(i, m);
          }
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("placing markers interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IllegalStateException("placing markers failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A store's frames, and those put during one {@link #refine}, held in memory as well. */
  private static final class Remembered implements FrameStore {
    private final FrameStore store;
    private final Map<Double, VideoFrame> held = new java.util.concurrent.ConcurrentHashMap<>();

    Remembered(FrameStore store) {
      this.store = store;
    }

    @Override
    public VideoFrame get(double tRef) {
      return held.computeIfAbsent(tRef, t -> store.get(t));
    }

    @Override
    public void put(double tRef, VideoFrame frame) throws IOException {
      held.put(tRef, frame);
      store.put(tRef, frame);
    }
  }

  /** One worker's open decoders of the two videos. */
  private final class Videos implements AutoCloseable {
    private final Map<Path, SparseLumaDecoder> open = new HashMap<>();

    SparseLumaDecoder of(Path video) throws IOException {
      SparseLumaDecoder d = open.get(video);
      if (d == null) {
        d = SparseLumaDecoder.open(video, orb.maxWidth(), ONE_THREAD);
        open.put(video, d);
      }
      return d;
    }

    @Override
    public void close() {
      open.values().forEach(SparseLumaDecoder::close);
    }
  }

  /** A decoded new frame: its time, its grey picture, and the small float one ECC aligns. */
  private static final class Frame {
    final double t;
    final VideoFrame full;
    Mat small;

    Frame(VideoFrame full) {
      this.t = full.ptsSec();
      this.full = full;
    }
  }

  /** The moments {@code order} (in time order), each worker taking a stretch of them. */
  private Map<Integer, Moment> inParallel(
      ExecutorService pool,
      List<Request> requests,
      List<Integer> order,
      boolean scan,
      FrameStore frames,
      java.util.function.IntConsumer done)
      throws InterruptedException, ExecutionException {
    int workers = Math.min(threads, order.size());
    List<Future<Map<Integer, Moment>>> futures = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      List<Integer> mine =
          order.subList(w * order.size() / workers, (w + 1) * order.size() / workers);
      futures.add(pool.submit(() -> placeAll(requests, mine, scan, frames)));
    }
    Map<Integer, Moment> all = new HashMap<>();
    for (Future<Map<Integer, Moment>> f : futures) {
      all.putAll(f.get());
      done.accept(all.size());
    }
    return all;
  }

  /**
   * One worker's moments: the requests {@code mine}, in time order; with {@code scan}, every frame
   * within {@link #WIDER} times the reach is aligned (rather than walking down from the estimate).
   */
  private Map<Integer, Moment> placeAll(
      List<Request> requests, List<Integer> mine, boolean scan, FrameStore frames)
      throws IOException {
    Map<Integer, Moment> placed = new HashMap<>();
    try (OrbExtractor extractor = new OrbExtractor(orb);
        ViewMatcher matcher = new ViewMatcher();
        Videos videos = new Videos()) {
      // the reference frame nearest each moment: kept from an earlier sync, or decoded now
      Map<Integer, VideoFrame> refFrames = new HashMap<>();
      List<Span> refSpans = new ArrayList<>();
      for (int i : mine) {
        double t = requests.get(i).tRef();
        VideoFrame kept = frames.get(t);
        if (kept != null) {
          refFrames.put(i, kept);
        } else {
          refSpans.add(new Span(i, t - REF_REACH_SEC, t + REF_REACH_SEC));
        }
      }
      decodeSpans(
          videos.of(refVideo),
          refVideo,
          refSpans,
          span -> {
            VideoFrame best = null;
            double t = requests.get(span.request).tRef();
            for (VideoFrame f : span.frames) {
              if (best == null || Math.abs(f.ptsSec() - t) < Math.abs(best.ptsSec() - t)) {
                best = f;
              }
            }
            if (best != null) {
              refFrames.put(span.request, best);
              frames.put(t, best);
            }
          });
      // the new frames around each estimate, each moment placed as soon as its frames are in;
      // where the least residual lay at the reach's edge, once more with twice the reach
      List<Integer> beyond =
          placeAround(
              requests,
              mine,
              refFrames,
              videos,
              scan ? WIDER : 1,
              scan,
              extractor,
              matcher,
              placed);
      if (!scan) {
        placeAround(requests, beyond, refFrames, videos, WIDER, false, extractor, matcher, placed);
      }
    }
    return placed;
  }

  /**
   * Places the moments {@code which} among the new frames within {@code widen} times their reach of
   * the estimate; returns those whose least residual lay at the reach's edge (left null).
   */
  private List<Integer> placeAround(
      List<Request> requests,
      List<Integer> which,
      Map<Integer, VideoFrame> refFrames,
      Videos videos,
      double widen,
      boolean scan,
      OrbExtractor extractor,
      ViewMatcher matcher,
      Map<Integer, Moment> placed)
      throws IOException {
    SparseLumaDecoder neu = videos.of(newVideo);
    double frame = 1 / Math.max(1, neu.info().fps());
    List<Span> spans = new ArrayList<>();
    Map<Integer, Double> shifts = new HashMap<>();
    for (int i : which) {
      Request q = requests.get(i);
      VideoFrame refFrame = refFrames.get(i);
      if (refFrame == null) {
        continue;
      }
      // the new run's estimate for the reference frame actually decoded
      double shift = (refFrame.ptsSec() - q.tRef()) / Math.max(0.05, q.slope());
      double centre = q.tNew() + shift;
      double reach =
          widen
              * Math.max(
                  MIN_REACH_SEC, Math.min(MAX_REACH_SEC, 3 * Math.max(0, q.halfWidthSec()) + 0.05));
      shifts.put(i, shift);
      double margin = reach + FIT_FRAMES * frame;
      spans.add(new Span(i, centre - margin, centre + margin));
    }
    List<Integer> beyond = new ArrayList<>();
    decodeSpans(
        neu,
        newVideo,
        spans,
        span -> {
          int i = span.request;
          List<Frame> frames = new ArrayList<>();
          for (VideoFrame f : span.frames) {
            frames.add(new Frame(f));
          }
          double centre = (span.lo + span.hi) / 2;
          Moment m =
              place(refFrames.get(i), frames, centre, shifts.get(i), scan, extractor, matcher);
          if (m == BEYOND) {
            beyond.add(i);
            m = null;
          }
          placed.put(i, m);
        });
    return beyond;
  }

  /**
   * How much wider the second search is, where the least residual lay at the first one's edge
   * (measured: the road clip's zoom+10 copy, its last marker 0.35 s from the warp's estimate with a
   * reach of 0.28 s, 8.7 frames off on the warp).
   */
  static final double WIDER = 2;

  /** What {@link #place} answers where the least residual lies at the edge of the frames given. */
  private static final Moment BEYOND = new Moment(Double.NaN, Double.NaN, Double.NaN, 0);

  /** How far (s) either side of a moment of the reference its nearest frame is sought. */
  private static final double REF_REACH_SEC = 0.1;

  /**
   * The moment shown by {@code refFrame}, among the new frames around {@code centre}, less {@code
   * shift} (the reference frame's time against the moment asked for, in new seconds).
   */
  private Moment place(
      VideoFrame refFrame,
      List<Frame> frames,
      double centre,
      double shift,
      boolean scan,
      OrbExtractor extractor,
      ViewMatcher matcher) {
    if (frames.size() < 2 * FIT_FRAMES + 1) {
      return null;
    }
    int start = 0;
    for (int i = 1; i < frames.size(); i++) {
      if (Math.abs(frames.get(i).t - centre) < Math.abs(frames.get(start).t - centre)) {
        start = i;
      }
    }
    FrameFeatures refFeatures =
        extractor.extract(
            refFrame.ptsSec(), refFrame.pixels(), refFrame.width(), refFrame.height());
    VideoFrame first = frames.get(start).full;
    FrameFeatures newFeatures =
        extractor.extract(first.ptsSec(), first.pixels(), first.width(), first.height());
    ViewMatch m = matcher.match(newFeatures, refFeatures);
    if (m.inliers() < minInliers || m.homography() == null) {
      return null;
    }
    try (Aligner aligner =
        new Aligner(refFrame, first.width(), first.height(), m.homography(), zoom)) {
      Map<Integer, Double> cost = new HashMap<>();
      int best = start;
      if (scan) { // every frame, outwards from the estimate, each from its neighbour's warp
        for (int d = 0; d < frames.size(); d++) {
          for (int j : new int[] {start - d, start + d}) {
            if (j >= 0 && j < frames.size() && !cost.containsKey(j)) {
              double c = aligner.residual(small(frames.get(j), aligner.newScale), j);
              cost.put(j, c);
              if (c < cost.get(best) || !Double.isFinite(cost.get(best))) {
                best = j;
              }
            }
          }
        }
      }
      Set<Integer> retried = new HashSet<>();
      while (true) {
        for (int j = best - FIT_FRAMES; j <= best + FIT_FRAMES; j++) {
          if (j >= 0 && j < frames.size() && !cost.containsKey(j)) {
            cost.put(j, aligner.residual(small(frames.get(j), aligner.newScale), j));
          }
        }
        // an alignment started from a poor warp can stop in a poor optimum, and the next frames,
        // started from it, too (measured on the synth ride: four frames in a row at 0.09-0.18
        // beside 0.025, which bent the parabola by frames): those are aligned again from the best
        // frame's warp, and the lower residual kept
        double floor = cost.get(best);
        for (int j = best - FIT_FRAMES; j <= best + FIT_FRAMES; j++) {
          Double c = cost.get(j);
          if (c != null
              && j != best
              && Double.isFinite(floor)
              && !(c <= Math.max(RETRY_FACTOR * floor, MAX_RESIDUAL))
              && retried.add(j)) {
            cost.put(j, aligner.retry(small(frames.get(j), aligner.newScale), j, best, c));
          }
        }
        int next = best;
        for (Map.Entry<Integer, Double> e : cost.entrySet()) {
          if (e.getValue() < cost.get(next)) {
            next = e.getKey();
          }
        }
        if (next == best) {
          break;
        }
        best = next;
      }
      if (!Double.isFinite(cost.get(best))) {
        return null;
      }
      if (best < FIT_FRAMES || best >= frames.size() - FIT_FRAMES) {
        return BEYOND; // no valley inside the reach
      }
      double[] vertex = vertex(frames, cost, best);
      if (vertex == null) {
        return null;
      }
      return new Moment(vertex[0] - shift, vertex[1], cost.get(best), cost.size());
    } finally {
      for (Frame f : frames) {
        if (f.small != null) {
          f.small.close();
        }
      }
    }
  }

  /**
   * {vertex time, its standard error} of the least-squares parabola through the residuals within
   * {@link #FIT_FRAMES} of the least one, leaving out lone spikes (ECC stopped in a poor
   * alignment): null where it does not open upwards or has too few points.
   */
  static double[] vertex(List<Frame> frames, Map<Integer, Double> cost, int best) {
    List<double[]> pts = new ArrayList<>();
    double t0 = frames.get(best).t;
    for (int j = best - FIT_FRAMES; j <= best + FIT_FRAMES; j++) {
      Double c = cost.get(j);
      if (c == null || !Double.isFinite(c)) {
        continue;
      }
      Double before = cost.get(j - 1);
      Double after = cost.get(j + 1);
      if (before != null && after != null && c > SPIKE * Math.max(before, after)) {
        continue;
      }
      pts.add(new double[] {frames.get(j).t - t0, c});
    }
    double[] v = parabolaVertex(pts);
    return v == null ? null : new double[] {t0 + v[0], v[1]};
  }

  /**
   * A residual within the fit over this many times the least one, and over {@link #MAX_RESIDUAL},
   * is aligned again from the best frame's warp (a smooth valley rises less within four frames).
   */
  static final double RETRY_FACTOR = 2;

  /** A residual this many times both neighbours' is a spike, left out of the fit. */
  static final double SPIKE = 1.5;

  /**
   * {x of the vertex, its standard error} of {@code y = a x^2 + b x + c} fitted to the points, the
   * error by the delta method from the fit's parameter covariance; null for fewer than five points,
   * a parabola that does not open upwards, or a vertex outside the points' span.
   */
  static double[] parabolaVertex(List<double[]> pts) {
    int n = pts.size();
    if (n < 5) {
      return null;
    }
    double[] y = new double[n];
    double[][] x = new double[n][];
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double xi = pts.get(i)[0];
      x[i] = new double[] {xi * xi, xi};
      y[i] = pts.get(i)[1];
      lo = Math.min(lo, xi);
      hi = Math.max(hi, xi);
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    double[] p;
    double[][] cov;
    double s2;
    try {
      ols.newSampleData(y, x);
      p = ols.estimateRegressionParameters(); // c, a, b
      cov = ols.estimateRegressionParametersVariance();
      s2 = ols.estimateErrorVariance();
    } catch (RuntimeException singular) {
      return null;
    }
    double a = p[1];
    double b = p[2];
    if (!(a > 0)) {
      return null;
    }
    double v = -b / (2 * a);
    if (v < lo || v > hi) {
      return null;
    }
    // d v / d a = b / (2 a^2), d v / d b = -1 / (2 a)
    double ja = b / (2 * a * a);
    double jb = -1 / (2 * a);
    double var = s2 * (ja * ja * cov[1][1] + 2 * ja * jb * cov[1][2] + jb * jb * cov[2][2]);
    return new double[] {v, Math.sqrt(Math.max(0, var))};
  }

  private static Mat small(Frame f, double scale) {
    if (f.small == null) {
      f.small = toSmall(f.full, scale);
    }
    return f.small;
  }

  /** The picture as floats, its long side {@link #ECC_SIDE} px. */
  static Mat toSmall(VideoFrame v) {
    return toSmall(v, (double) ECC_SIDE / Math.max(v.width(), v.height()));
  }

  /** The picture as floats, shrunk by {@code s}. */
  static Mat toSmall(VideoFrame v, double s) {
    int w = (int) Math.round(v.width() * s);
    int h = (int) Math.round(v.height() * s);
    try (Mat full = new Mat(v.height(), v.width(), opencv_core.CV_8UC1);
        Mat shrunk = new Mat();
        Size size = new Size(w, h)) {
      full.data().put(v.pixels());
      opencv_imgproc.resize(full, shrunk, size, 0, 0, opencv_imgproc.INTER_AREA);
      Mat out = new Mat();
      shrunk.convertTo(out, opencv_core.CV_32F);
      return out;
    }
  }

  /**
   * Aligns new pictures to one reference picture by ECC, each from the warp of the nearest picture
   * already aligned (the first from the features' homography), the picture whose view lies inside
   * the other's as ECC's template so that every template pixel has a counterpart.
   */
  private final class Aligner implements AutoCloseable {
    private final Mat ref;
    private final boolean newIsTemplate;
    private final Map<Integer, Mat> warps = new HashMap<>();
    private final Mat first;

    /** The factor new pictures are shrunk by. */
    final double newScale;

    /** The template's inner window, {@link #EDGE_SHARE} of it left out at every side. */
    private final Rect inner;

    /**
     * @param h the homography from the new picture (px of the decoded frame) to the reference's
     * @param zoom the camera's zoom ({@link dev.mtbsync.camera.CameraDifference#zoom}), NaN where
     *     not known
     */
    Aligner(VideoFrame refFrame, int newW, int newH, double[] h, double zoom) {
      this.ref = toSmall(refFrame);
      double sr = (double) ECC_SIDE / Math.max(refFrame.width(), refFrame.height());
      // a new pixel spans refWidth / newWidth / zoom reference pixels: shrunk by sr times that, a
      // thing is as many pixels wide in both small pictures and neither is compared with the
      // other's interpolation (a 4:3 crop shrunk to its long side was 1.33x finer than the
      // reference; measured, one marker of the karma clip's 4:3 copy moved from 2.2 to 0.9
      // frames off)
      double span = (double) refFrame.width() / newW / zoom;
      double sn =
          Double.isFinite(span) && span > 0
              ? sr * Math.max(MIN_SPAN, Math.min(MAX_SPAN, span))
              : (double) ECC_SIDE / Math.max(newW, newH);
      newScale = sn;
      // new -> ref in small pixels: Sr H Sn^-1
      double[] small = new double[9];
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          double rs = r < 2 ? sr : 1;
          double cs = c < 2 ? 1 / sn : 1;
          small[3 * r + c] = rs * h[3 * r + c] * cs;
        }
      }
      int rw = ref.cols();
      int rh = ref.rows();
      int nw = (int) Math.round(newW * sn);
      int nh = (int) Math.round(newH * sn);
      double[] inv = invert(small);
      newIsTemplate =
          inv != null && insideShare(small, nw, nh, rw, rh) >= insideShare(inv, rw, rh, nw, nh);
      // ECC's warp maps template points to input points, here from the inner window's corner
      double[] whole = newIsTemplate ? small : inv;
      int tw = newIsTemplate ? nw : rw;
      int th = newIsTemplate ? nh : rh;
      int ox = (int) Math.round(tw * EDGE_SHARE);
      int oy = (int) Math.round(th * EDGE_SHARE);
      inner = new Rect(ox, oy, tw - 2 * ox, th - 2 * oy);
      double[] init = whole == null ? null : whole.clone();
      if (init != null) {
        for (int r = 0; r < 3; r++) { // whole x translation(ox, oy)
          init[3 * r + 2] = whole[3 * r] * ox + whole[3 * r + 1] * oy + whole[3 * r + 2];
        }
      }
      first = new Mat(3, 3, opencv_core.CV_32F);
      try (FloatIndexer fi = first.createIndexer()) {
        for (int r = 0; r < 3; r++) {
          for (int c = 0; c < 3; c++) {
            fi.put(r, c, init == null ? (r == c ? 1f : 0f) : (float) (init[3 * r + c] / init[8]));
          }
        }
      }
    }

    /** 1 - ECC's correlation after aligning; NaN where ECC does not converge. */
    double residual(Mat picture, int index) {
      return residual(picture, index, nearestWarp(index));
    }

    /**
     * The residual of picture {@code index} aligned again from the warp of picture {@code from}
     * (whose alignment is the best), kept with its warp where it is lower than {@code before}.
     */
    double retry(Mat picture, int index, int from, double before) {
      Mat kept = warps.remove(index);
      double again = residual(picture, index, warps.getOrDefault(from, first));
      if (again < before || (Double.isNaN(before) && !Double.isNaN(again))) {
        if (kept != null) {
          kept.close();
        }
        return again;
      }
      Mat worse = warps.remove(index);
      if (worse != null) {
        worse.close();
      }
      if (kept != null) {
        warps.put(index, kept);
      }
      return before;
    }

    private double residual(Mat picture, int index, Mat start) {
      Mat warp = new Mat();
      start.copyTo(warp);
      try (TermCriteria stop =
              new TermCriteria(TermCriteria.COUNT + TermCriteria.EPS, ECC_ITERATIONS, ECC_EPS);
          Mat everywhere = new Mat();
          Mat template = new Mat(newIsTemplate ? picture : ref, inner)) {
        double rho =
            opencv_video.findTransformECC(
                template,
                newIsTemplate ? ref : picture,
                warp,
                opencv_video.MOTION_HOMOGRAPHY,
                stop,
                everywhere,
                3);
        Mat old = warps.put(index, warp);
        if (old != null) {
          old.close();
        }
        return 1 - rho;
      } catch (RuntimeException notConverged) {
        warp.close();
        return Double.NaN;
      }
    }

    private Mat nearestWarp(int index) {
      Mat w = first;
      int d = Integer.MAX_VALUE;
      for (Map.Entry<Integer, Mat> e : warps.entrySet()) {
        int dj = Math.abs(e.getKey() - index);
        if (dj < d) {
          d = dj;
          w = e.getValue();
        }
      }
      return w;
    }

    @Override
    public void close() {
      ref.close();
      first.close();
      inner.close();
      warps.values().forEach(Mat::close);
    }
  }

  /**
   * Share of the template left out at each of its sides.
   *
   * <p>DESIGN NOTE: at its edges the template meets what the other picture does not show (a rolled
   * copy's black corners, a crop's border), and which of those pixels ECC counts changes with the
   * warp. Measured on the karma clip rolled by 2 degrees: with the whole template the moments came
   * 0.1-1.6 frames early (more with more blur), a 5 % band left out brought them to 0.04-0.12; on
   * the same-framing and 4:3 copies the intervals narrowed from 2.4-3.8 to 1.2-2.0 frames. On the
   * road clip rolled 2 degrees the other way (a copy made as FramePlacementTest's) it turned a mean
   * 0.34 frame early into 0.35 late, every moment still within a frame: what is left there is not
   * the edges.
   */
  static final double EDGE_SHARE = 0.05;

  /** Bounds of a new pixel's span in reference pixels (a zoom of 0.5-2x). */
  static final double MIN_SPAN = 0.5;

  static final double MAX_SPAN = 2;

  /** ECC stops when the warp's parameters change less than this in an iteration. */
  static final double ECC_EPS = 1e-4;

  /** Iterations ECC may take for one picture. */
  static final int ECC_ITERATIONS = 25;

  /** Share of an 11 x 11 grid over a w x h picture that h maps inside a W x H one. */
  static double insideShare(double[] h, int w, int hh, int bigW, int bigH) {
    int in = 0;
    int n = 0;
    for (int i = 0; i <= 10; i++) {
      for (int j = 0; j <= 10; j++) {
        double x = w * i / 10.0;
        double y = hh * j / 10.0;
        double z = h[6] * x + h[7] * y + h[8];
        double u = (h[0] * x + h[1] * y + h[2]) / z;
        double v = (h[3] * x + h[4] * y + h[5]) / z;
        n++;
        if (z > 0 && u >= 0 && v >= 0 && u <= bigW && v <= bigH) {
          in++;
        }
      }
    }
    return (double) in / n;
  }

  private static double[] invert(double[] h) {
    try (Mat m = new Mat(3, 3, opencv_core.CV_64F)) {
      try (DoubleIndexer i = m.createIndexer()) {
        for (int r = 0; r < 3; r++) {
          for (int c = 0; c < 3; c++) {
            i.put(r, c, h[3 * r + c]);
          }
        }
      }
      try (Mat inv = new Mat()) {
        double ok = opencv_core.invert(m, inv, opencv_core.DECOMP_LU);
        if (ok == 0) {
          return null;
        }
        double[] out = new double[9];
        try (DoubleIndexer i = inv.createIndexer()) {
          for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
              out[3 * r + c] = i.get(r, c);
            }
          }
        }
        return out;
      }
    }
  }

  private static final SparseLumaDecoder.Options ONE_THREAD = new SparseLumaDecoder.Options(1);

  /** The frames shown within [lo, hi] of one video, for one request. */
  private static final class Span {
    final int request;
    final double lo;
    final double hi;
    final List<VideoFrame> frames = new ArrayList<>();
    boolean done;

    Span(int request, double lo, double hi) {
      this.request = request;
      this.lo = lo;
      this.hi = hi;
    }
  }

  /** Told of each span once its frames are in (or the stream ended first). */
  private interface SpanDone {
    void accept(Span span) throws IOException;
  }

  /** Thrown by a group's receiver once its last span is in: nothing after it is needed. */
  private static final class SpanComplete extends IOException {
    private static final long serialVersionUID = 1L;

    SpanComplete() {
      super("the spans' last frame is in");
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
      return this; // a signal, not an error: no stack to record
    }
  }

  /**
   * Decodes the grey frames (at most the analysis width, upright) of every span, telling {@code
   * done} of each as soon as its last frame is in, and letting its frames go after.
   *
   * <p>DESIGN NOTE: a span is decoded from the keyframe before it, the frames outside it that
   * nothing predicts from skipped ({@link SparseLumaDecoder}), and the decoding stops at its last
   * frame rather than at the next keyframe. Spans in time order are decoded in one pass where the
   * keyframe before the next lies before the end of the ones already in the pass: reading on costs
   * fewer frames than seeking back to that keyframe would (measured on the benchmark's copies,
   * encoded with keyframes up to 250 frames apart, where a seek per marker decoded the same lead-in
   * again and again). Where the container does not allow the cut the stream is read from its start.
   */
  private void decodeSpans(SparseLumaDecoder d, Path video, List<Span> spans, SpanDone done)
      throws IOException {
    List<Span> sorted = new ArrayList<>(spans);
    sorted.sort(Comparator.comparingDouble(sp -> sp.lo));
    long[] keys = d.keyframes();
    int g = 0;
    while (g < sorted.size()) {
      long from = keyBefore(d, keys, sorted.get(g).lo);
      double end = sorted.get(g).hi;
      int next = g + 1;
      while (next < sorted.size()
          && from != SparseLumaDecoder.NONE
          && d.seconds(keyBefore(d, keys, sorted.get(next).lo)) <= end) {
        end = Math.max(end, sorted.get(next).hi);
        next++;
      }
      decodeGroup(d, video, keys, sorted.subList(g, next), from, end, done);
      g = next;
    }
  }

  /** The keyframe to start decoding at for frames from {@code lo} on; NONE without an index. */
  private static long keyBefore(SparseLumaDecoder d, long[] keys, double lo) {
    long from = keys.length > 0 ? keys[0] : SparseLumaDecoder.NONE;
    for (long k : keys) {
      if (d.seconds(k) <= lo - KEY_MARGIN_SEC) {
        from = k;
      }
    }
    return from;
  }

  private void decodeGroup(
      SparseLumaDecoder d,
      Path video,
      long[] keys,
      List<Span> group,
      long from,
      double end,
      SpanDone done)
      throws IOException {
    double frame = 1 / Math.max(1, d.info().fps());
    long to = SparseLumaDecoder.NONE;
    for (long k : keys) {
      if (d.seconds(k) > end + KEY_MARGIN_SEC) {
        to = k;
        break;
      }
    }
    SparseLumaDecoder.Wish inside =
        (pts, duration) -> group.stream().anyMatch(sp -> pts >= sp.lo && pts <= sp.hi);
    SparseLumaDecoder.Pictures route =
        (pts, grey, w, h) -> {
          VideoFrame f = null;
          for (Span sp : group) {
            if (!sp.done && pts >= sp.lo && pts <= sp.hi) {
              f = f != null ? f : new VideoFrame(0, pts, w, h, 1, grey);
              sp.frames.add(f);
            }
          }
          boolean all = true;
          for (Span sp : group) {
            if (!sp.done && pts > sp.hi - frame) {
              finish(sp, done);
            }
            all &= sp.done;
          }
          if (all) {
            throw new SpanComplete();
          }
        };
    try {
      if (from == SparseLumaDecoder.NONE) {
        throw new SparseLumaDecoder.CannotSplitException("no keyframe index");
      }
      d.decode(inside, route, from, to);
    } catch (SpanComplete allIn) {
      return;
    } catch (SparseLumaDecoder.CannotSplitException e) {
      for (Span sp : group) {
        if (!sp.done) {
          sp.frames.clear(); // read from the start, by a decoder of its own (this one is part-way)
        }
      }
      try (SparseLumaDecoder whole = SparseLumaDecoder.open(video, orb.maxWidth(), ONE_THREAD)) {
        whole.decode(inside, route);
      } catch (SpanComplete allIn) {
        return;
      }
    }
    for (Span sp : group) { // the stream ended before these were complete
      if (!sp.done) {
        finish(sp, done);
      }
    }
  }

  private static void finish(Span sp, SpanDone done) throws IOException {
    sp.done = true;
    done.accept(sp);
    sp.frames.clear();
  }

  /** Keyframes this close (s) to a span's ends are not taken as its bounds (decode vs show). */
  private static final double KEY_MARGIN_SEC = 0.1;
}
