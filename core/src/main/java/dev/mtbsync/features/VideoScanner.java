package dev.mtbsync.features;

import dev.mtbsync.Progress;
import dev.mtbsync.video.FrameSource;
import dev.mtbsync.video.SparseLumaDecoder;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import java.util.function.DoublePredicate;

/**
 * Decodes a video once, grey and scaled down, and keeps the time of every frame plus the features
 * of frames sampled on a fixed grid of presentation times (right on variable frame rate).
 *
 * <p>DESIGN NOTE: a frame is a sample when a grid time {@code k / sampleFps} falls within its
 * display interval (shifted half a frame earlier), so for a file the choice is made from the
 * container's packet times, before decoding, and the decoder can skip the frames between samples
 * ({@link SparseLumaDecoder}). A source that hands out decoded frames (an upload still arriving) is
 * sampled by the same rule, so both give the same samples.
 */
public final class VideoScanner {

  private final OrbConfig config;
  private final SparseLumaDecoder.Options decoding;

  public VideoScanner(OrbConfig config) {
    this(config, SparseLumaDecoder.Options.DEFAULT);
  }

  public VideoScanner(OrbConfig config, SparseLumaDecoder.Options decoding) {
    this.config = config.validate();
    this.decoding = decoding;
  }

  /** The grey frames at most {@link OrbConfig#maxWidth()} px wide this scanner analyses. */
  public int maxWidth() {
    return config.maxWidth();
  }

  /**
   * @throws VideoFormatException when the file is not a decodable video or has no frames
   */
  public ScannedVideo scan(Path video, Progress progress, String stage) throws IOException {
    int threads =
        decoding.threads() == 0 ? Runtime.getRuntime().availableProcessors() : decoding.threads();
    if (threads >= 2) {
      ScannedVideo halves = scanInHalves(video, progress, stage, threads);
      if (halves != null) {
        return halves;
      }
    }
    return scanWhole(video, progress, stage);
  }

  /** Files at least this long (s) are decoded in two halves at once when cores allow. */
  static final double HALVES_MIN_SEC = 8;

  /** One half's share of the work: its frame times and its samples' features. */
  private record Half(double[] pts, List<FrameFeatures> samples, long decoded) {}

  /**
   * Decodes the two halves of a file at once, each with half the decoder threads, cut at the
   * keyframe nearest the middle; null when the file is short or its container does not allow the
   * cut.
   *
   * <p>DESIGN NOTE: once the frames between samples are skipped, what is left of a camera's file is
   * a chain of predicted frames, each needing the one before, so FFmpeg's frame threads find little
   * to do at once: on a quiet 2-core machine a 1080p60 file kept 1.25 cores busy, and the sync took
   * 1.07x FFmpeg's full decode. Two decoders on the two halves of the file, whose pictures do not
   * depend on each other across a keyframe, keep both cores busy. The halves give the same frame
   * times and samples as one pass (tested on camera-like and real files).
   */
  ScannedVideo scanInHalves(Path video, Progress progress, String stage, int threads)
      throws IOException {
    SparseLumaDecoder.Options half = new SparseLumaDecoder.Options(Math.max(1, threads / 2));
    try (SparseLumaDecoder first = SparseLumaDecoder.open(video, config.maxWidth(), half)) {
      double duration = first.info().durationSec();
      if (!(duration >= HALVES_MIN_SEC)) {
        return null;
      }
      long[] keys = first.keyframes();
      long cut = SparseLumaDecoder.NONE;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 1; i < keys.length; i++) {
        double off = Math.abs(first.seconds(keys[i]) - duration / 2);
        if (off < best) {
          best = off;
          cut = keys[i];
        }
      }
      if (cut == SparseLumaDecoder.NONE || best > duration / 4) {
        return null;
      }
      long expected = first.info().frameCount();
      double fps = Math.max(1, first.info().fps());
      double middle = first.seconds(cut);
      AtomicBoolean abandon = new AtomicBoolean();
      double[] done = new double[2];
      Object lock = new Object();
      ExecutorService other =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "mtbsync-decode-second-half");
                t.setDaemon(true);
                return t;
              });
      long at = cut;
      Future<Half> second =
          other.submit(
              () -> {
                try (SparseLumaDecoder d = SparseLumaDecoder.open(video, config.maxWidth(), half)) {
                  return half(
                      d,
                      at,
                      SparseLumaDecoder.NONE,
                      fps,
                      abandon,
                      t -> {
                        synchronized (lock) {
                          done[1] = t - middle;
                          progress.update(stage, Math.round((done[0] + done[1]) * fps), expected);
                        }
                      });
                }
              });
      try {
        Half a =
            half(
                first,
                SparseLumaDecoder.NONE,
                cut,
                fps,
                abandon,
                t -> {
                  synchronized (lock) {
                    done[0] = t;
                    progress.update(stage, Math.round((done[0] + done[1]) * fps), expected);
                  }
                });
        Half b = second.get();
        double[] pts = new double[a.pts().length + b.pts().length];
        System.arraycopy(a.pts(), 0, pts, 0, a.pts().length);
        System.arraycopy(b.pts(), 0, pts, a.pts().length, b.pts().length);
        if (pts.length == 0 || a.decoded() + b.decoded() == 0) {
          throw new VideoFormatException(video, "contains no decodable frames");
        }
        List<FrameFeatures> samples = new ArrayList<>(a.samples());
        samples.addAll(b.samples());
        progress.update(stage, pts.length, pts.length);
        return new ScannedVideo(first.info(), first.width(), first.height(), pts, samples);
      } catch (SparseLumaDecoder.CannotSplitException | VideoFormatException e) {
        return null; // a cut the container does not allow, or a file that breaks off: one pass
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SparseLumaDecoder.CannotSplitException
            || e.getCause() instanceof VideoFormatException) {
          return null;
        }
        throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while decoding " + video, e);
      } finally {
        abandon.set(true); // the second half stops at its next picture if still running
        other.shutdown();
        try {
          other.awaitTermination(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Decodes one segment (or, from NONE to NONE, the whole file) with an extractor of its own. */
  private Half half(
      SparseLumaDecoder d,
      long from,
      long to,
      double fps,
      AtomicBoolean abandon,
      DoubleConsumer progress)
      throws IOException {
    double step = 1 / config.sampleFps();
    double halfFrame = 0.5 / fps;
    List<FrameFeatures> samples = new ArrayList<>();
    double[] last = {Double.NEGATIVE_INFINITY};
    try (OrbExtractor orb = new OrbExtractor(config)) {
      double[] pts =
          d.decode(
              (t, duration) -> onGrid(t, duration, step, halfFrame),
              (t, grey, w, h) -> {
                if (abandon.get()) {
                  throw new SparseLumaDecoder.CannotSplitException("abandoned");
                }
                if (t > last[0]) { // a repeated timestamp is not a second sample
                  last[0] = t;
                  samples.add(orb.extract(t, grey, w, h));
                  progress.accept(t);
                }
              },
              from,
              to);
      return new Half(pts, samples, d.decodedFrames());
    }
  }

  /** One decoder over the whole file. */
  ScannedVideo scanWhole(Path video, Progress progress, String stage) throws IOException {
    try (SparseLumaDecoder decoder = SparseLumaDecoder.open(video, config.maxWidth(), decoding)) {
      long expected = decoder.info().frameCount();
      double fps = Math.max(1, decoder.info().fps());
      Half whole =
          half(
              decoder,
              SparseLumaDecoder.NONE,
              SparseLumaDecoder.NONE,
              fps,
              new AtomicBoolean(),
              t -> progress.update(stage, Math.round(t * fps), expected));
      double[] pts = whole.pts();
      if (pts.length == 0 || whole.decoded() == 0) {
        throw new VideoFormatException(video, "contains no decodable frames");
      }
      progress.update(stage, pts.length, pts.length);
      return new ScannedVideo(
          decoder.info(), decoder.width(), decoder.height(), pts, whole.samples());
    }
  }

  /**
   * Scans frames from a source the caller opened (grey, at most {@link #maxWidth()} px wide), e.g.
   * one decoding an upload while it arrives; the caller closes it.
   *
   * @param video the file the frames come from, named in errors
   * @throws VideoFormatException when the source has no frames
   */
  public ScannedVideo scan(FrameSource src, Path video, Progress progress, String stage)
      throws IOException {
    try (OrbExtractor orb = new OrbExtractor(config)) {
      long expected = src.info().frameCount();
      double nominal = 1 / Math.max(1, src.info().fps());
      double step = 1 / config.sampleFps();
      double halfFrame = nominal / 2;
      List<FrameFeatures> samples = new ArrayList<>();
      double[] pts = new double[(int) Math.max(16, expected + 8)];
      int width = 0;
      int height = 0;
      int n = 0;
      // a frame's display interval runs from the previous frame's time (nominal for the first)
      double[] last = {Double.NEGATIVE_INFINITY};
      DoublePredicate isSample =
          t ->
              t > last[0]
                  && onGrid(t, Double.isInfinite(last[0]) ? nominal : t - last[0], step, halfFrame);
      for (VideoFrame f = next(src, isSample, n); f != null; f = next(src, isSample, n)) {
        // decided here, not from whether pixels came back: a source may always send them
        boolean sample = isSample.test(f.ptsSec());
        if (f.ptsSec() <= last[0]) {
          continue; // a repeated or out-of-order timestamp
        }
        last[0] = f.ptsSec();
        width = f.width();
        height = f.height();
        if (n == pts.length) {
          pts = Arrays.copyOf(pts, n * 2);
        }
        pts[n++] = f.ptsSec();
        if (sample) {
          samples.add(orb.extract(f.ptsSec(), f.pixels(), width, height));
        }
        progress.update(stage, n, expected);
      }
      if (n == 0) {
        throw new VideoFormatException(video, "contains no decodable frames");
      }
      return new ScannedVideo(src.info(), width, height, Arrays.copyOf(pts, n), samples);
    }
  }

  /**
   * The next frame; null at the end, or where the data breaks off after {@code decoded} frames (a
   * file cut short): what decoded is kept, and {@link ScannedVideo#length()} tells how much that is
   * of what the header promised.
   */
  private static VideoFrame next(FrameSource src, DoublePredicate isSample, int decoded)
      throws IOException {
    try {
      return src.next(isSample);
    } catch (VideoFormatException e) {
      if (decoded == 0) {
        throw e;
      }
      return null;
    }
  }

  /**
   * Whether a grid time {@code k * step} (k >= 0) falls in the frame's display interval, shifted
   * half a frame earlier: {@code (t - duration, t]} shifted by {@code -halfFrame}.
   */
  static boolean onGrid(double t, double duration, double step, double halfFrame) {
    double k = Math.floor((t + halfFrame) / step);
    return k >= 0 && k * step > t - duration + halfFrame;
  }
}
