package dev.mtbsync.runs;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.config.ConfigException;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.features.ReferenceIndex;
import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.features.VideoScanner;
import dev.mtbsync.io.InputPaths;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.telemetry.TelemetryConfig;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Syncs every video of a folder against one reference into one batch root ({@code batch}).
 *
 * <p>The reference is analysed once, into the root's index cache, before any pair starts; each pair
 * then gets a run folder of its own. A pair that fails (a broken video) becomes a {@code failed}
 * row and the batch goes on. {@code batch_summary.csv} is replaced atomically after every pair, so
 * it always lists exactly the pairs finished so far; {@link #abort()}, meant for a shutdown hook,
 * freezes it with the unfinished pairs marked {@code interrupted}.
 */
public final class BatchRunner {

  /** File extensions taken as videos (case-insensitive). */
  public static final Set<String> VIDEO_EXTENSIONS =
      Set.of("mp4", "mov", "m4v", "mkv", "avi", "mts", "m2ts", "webm");

  /**
   * One batch.
   *
   * @param inputDir folder of new runs (not searched recursively)
   * @param reference the reference video (skipped if it lies in inputDir)
   * @param refMarkers reference markers CSV, or null
   * @param outRoot the batch root
   * @param refOrb analysis of the reference
   * @param newOrb analysis of each new run
   * @param match pair finding; its threads are shared out among the jobs
   * @param warp warp fit and gates
   * @param reviewThreshold transferred markers below this confidence are flagged
   * @param jobs pairs synced at once, 1 to 16
   * @param telemetry resource sampling of each sync
   */
  public record Config(
      Path inputDir,
      Path reference,
      Path refMarkers,
      Path outRoot,
      OrbConfig refOrb,
      OrbConfig newOrb,
      MatchConfig match,
      WarpConfig warp,
      double reviewThreshold,
      int jobs,
      TelemetryConfig telemetry) {

    /**
     * Checks every value, the sync configs' included, before any video is opened.
     *
     * @throws ConfigException naming the parameter that is out of range
     */
    public Config validate() {
      ConfigException.require(jobs >= 1 && jobs <= 16, "jobs", "must be 1 to 16, got " + jobs);
      SyncRequest.validate(refOrb, newOrb, match, warp, reviewThreshold);
      if (telemetry != null) {
        telemetry.validate();
      }
      return this;
    }
  }

  /** Hears about each pair. Methods run on the pair's worker thread. */
  public interface Listener {
    /**
     * Right after a pair synced; returns the regression status for its row ("" when untracked). An
     * exception here fails the pair's row, not the batch.
     */
    default String synced(Path video, SyncResult result) throws IOException {
      return "";
    }

    /** After each pair's row is settled (done of total pairs finished). */
    default void finished(BatchRow row, int done, int total) {}
  }

  private final Config config;
  private final Listener listener;
  private final Path summary;
  private List<Path> videos = List.of();
  private BatchRow[] rows = new BatchRow[0];
  private int done;
  private boolean frozen;

  public BatchRunner(Config config, Listener listener) {
    this.config = config.validate();
    this.listener = listener;
    this.summary = config.outRoot().resolve(BatchSummaryCsv.NAME);
  }

  /** The videos of the input folder, by name, without the reference. */
  public static List<Path> videos(Path inputDir, Path reference) throws IOException {
    if (!Files.isDirectory(inputDir)) {
      throw new NoSuchFileException(inputDir.toString());
    }
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(inputDir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || !VIDEO_EXTENSIONS.contains(ext) || !Files.isRegularFile(f)) {
          continue;
        }
        if (Files.exists(reference) && Files.isSameFile(f, reference)) {
          continue;
        }
        out.add(f);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * Runs the batch; returns one row per video, in name order.
   *
   * @throws IllegalArgumentException when the folder holds no video
   * @throws IOException when the reference cannot be analysed (no pair is tried then)
   */
  public List<BatchRow> run(Progress progress) throws IOException {
    List<Path> found = videos(config.inputDir(), config.reference());
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          config.inputDir() + ": no videos (" + String.join(", ", VIDEO_EXTENSIONS) + ")");
    }
    Files.createDirectories(config.outRoot());
    indexReference(progress);
    synchronized (this) {
      videos = found;
      rows = new BatchRow[found.size()];
      BatchSummaryCsv.write(summary, List.of());
    }
    int threads = Math.max(1, config.match().threads() / config.jobs());
    MatchConfig match =
        new MatchConfig(
            config.match().searchSamples(),
            config.match().minInliers(),
            threads,
            config.match().estimateLens());
    ExecutorService pool = Executors.newFixedThreadPool(config.jobs());
    try {
      List<Future<?>> pending = new ArrayList<>();
      for (int i = 0; i < found.size(); i++) {
        int index = i;
        Progress p = config.jobs() == 1 ? progress : Progress.NONE;
        pending.add(pool.submit(() -> syncOne(index, match, p)));
      }
      for (Future<?> f : pending) {
        try {
          f.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("batch interrupted");
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause()); // syncOne catches what a pair throws
        }
      }
    } finally {
      pool.shutdownNow();
    }
    synchronized (this) {
      List<BatchRow> all = new ArrayList<>();
      for (int i = 0; i < rows.length; i++) {
        all.add(rows[i] != null ? rows[i] : BatchRow.interrupted(found.get(i)));
      }
      return List.copyOf(all);
    }
  }

  /**
   * Stops recording: the summary is rewritten with the finished pairs and every other marked {@code
   * interrupted}, and is not touched again. Safe from a shutdown hook, and idempotent.
   */
  public synchronized void abort() {
    if (frozen) {
      return;
    }
    frozen = true;
    List<BatchRow> all = new ArrayList<>();
    for (int i = 0; i < videos.size(); i++) {
      all.add(rows[i] != null ? rows[i] : BatchRow.interrupted(videos.get(i)));
    }
    try {
      BatchSummaryCsv.write(summary, all);
    } catch (IOException e) {
      // the last complete summary stays in place
    }
  }

  private void syncOne(int index, MatchConfig match, Progress progress) {
    Path video = videos.get(index);
    synchronized (this) {
      if (frozen) {
        return;
      }
    }
    BatchRow row;
    try {
      SyncResult r =
          SyncPipeline.run(
              new SyncRequest(
                  config.reference(),
                  video,
                  null,
                  config.refMarkers(),
                  config.outRoot(),
                  config.refOrb(),
                  config.newOrb(),
                  match,
                  config.warp(),
                  config.reviewThreshold()),
              progress,
              config.telemetry());
      String regression;
      try {
        regression = listener.synced(video, r);
      } catch (IOException | RuntimeException e) {
        regression = "error: " + message(e);
      }
      row = BatchRow.synced(video, r, regression);
    } catch (IOException | RuntimeException e) {
      row = BatchRow.failed(video, message(e));
    }
    int n;
    synchronized (this) {
      if (frozen) {
        return;
      }
      rows[index] = row;
      n = ++done;
      List<BatchRow> finished = new ArrayList<>();
      for (BatchRow b : rows) {
        if (b != null) {
          finished.add(b);
        }
      }
      try {
        BatchSummaryCsv.write(summary, finished);
      } catch (IOException e) {
        // written again after the next pair; the row is still returned
      }
    }
    listener.finished(row, n, videos.size());
  }

  private void indexReference(Progress progress) throws IOException {
    indexReference(config.outRoot(), config.reference(), config.refOrb(), progress);
  }

  /**
   * Analyses the reference into the root's cache, unless a matching analysis is there; returns the
   * cache file (an index file as {@code mtbsync index} writes, for {@link SyncRequest#index}).
   */
  public static Path indexReference(Path root, Path reference, OrbConfig refOrb, Progress progress)
      throws IOException {
    FileSignature sig = FileSignature.of(requireFile(reference));
    Path cache = IndexCache.path(root, sig, refOrb);
    if (Files.isRegularFile(cache)) {
      try {
        ReferenceIndex.check(cache, IndexCache.read(cache), sig, refOrb);
        return cache;
      } catch (IOException stale) {
        // analysed again below
      }
    }
    ScannedVideo ref = new VideoScanner(refOrb).scan(reference, progress, "index reference");
    ReferenceIndex.write(cache, new ReferenceIndex.Entry(refOrb, sig, ref));
    return cache;
  }

  private static Path requireFile(Path p) throws IOException {
    InputPaths.file(p);
    return p;
  }

  /** One line saying why a pair failed, as its row's error. */
  public static String message(Exception e) {
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file";
    }
    String m = e.getMessage();
    return m == null || m.isBlank()
        ? e.getClass().getSimpleName()
        : m.lines().findFirst().orElse(m);
  }
}
