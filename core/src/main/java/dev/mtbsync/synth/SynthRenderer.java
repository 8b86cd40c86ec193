package dev.mtbsync.synth;

import dev.mtbsync.Progress;
import dev.mtbsync.gps.GpxFiles;
import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.markers.MarkerCsv;
import dev.mtbsync.markers.RefMarker;
import dev.mtbsync.video.FrameSink;
import dev.mtbsync.video.H264FileSink;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.DoubleUnaryOperator;

/**
 * Renders a pair of first-person runs along one procedurally generated forest trail, with the true
 * time-warp between them, so that sync accuracy can be measured against known truth.
 *
 * <p>Writes into the output folder: {@code ref.mp4}, {@code new.mp4} (H.264, yuv420p), {@code
 * ref_markers.csv}, {@code ref.gpx}, {@code new.gpx} and {@code truth.json}. Files appear only when
 * complete; a failed render leaves the folder as it was.
 */
public final class SynthRenderer {

  public static final String REF_VIDEO = "ref.mp4";
  public static final String NEW_VIDEO = "new.mp4";
  public static final String REF_MARKERS = "ref_markers.csv";
  public static final String REF_GPX = "ref.gpx";
  public static final String NEW_GPX = "new.gpx";
  public static final String TRUTH = "truth.json";

  /** x264 constant rate factor: clean enough for feature matching at moderate size. */
  private static final int QUALITY = 23;

  private SynthRenderer() {}

  /** What was written. */
  public record Result(Path dir, SynthTruth truth, List<RefMarker> markers) {
    public Path file(String name) {
      return dir.resolve(name);
    }
  }

  /**
   * Renders the pair described by {@code config} into {@code outDir} (created if missing).
   *
   * @throws IllegalArgumentException when the config is out of range
   * @throws IOException when the folder cannot be written or encoding fails
   */
  public static Result render(SynthConfig config, Path outDir, Progress progress)
      throws IOException {
    SynthPlan plan = SynthPlan.of(config);
    prepareFolder(outDir);
    List<Path[]> outputs = new ArrayList<>(); // {temp, target}, published together at the end
    try {
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      ExecutorService pool = Executors.newFixedThreadPool(threads, daemon("synth-render"));
      try {
        renderRun(
            plan,
            NewCamera.DEFAULT,
            plan.refLook(),
            plan.refDistance(),
            plan.refFps(),
            plan.refFrames(),
            output(outDir, REF_VIDEO, outputs),
            pool,
            threads,
            progress,
            "render " + REF_VIDEO);
        renderRun(
            plan,
            plan.config().newCamera(),
            plan.newLook(),
            plan.newDistance(),
            plan.newFps(),
            plan.newFrames(),
            output(outDir, NEW_VIDEO, outputs),
            pool,
            threads,
            progress,
            "render " + NEW_VIDEO);
      } finally {
        pool.shutdownNow();
      }
      SplittableRandom gpsRng = new SplittableRandom(plan.gpsSeed());
      SynthGps gps =
          new SynthGps(gpsRng, plan.shape(), plan.firstDistance() - 50, plan.lastDistance() + 50);
      Instant refClock = Instant.parse("2026-05-16T09:00:00Z").plusSeconds(gpsRng.nextInt(7200));
      Instant newClock = refClock.plusSeconds(1200 + gpsRng.nextInt(1200));
      GpxFiles.write(
          output(outDir, REF_GPX, outputs),
          "reference run",
          gps.track(gpsRng, plan.refDistance(), config.durationSec(), refClock));
      GpxFiles.write(
          output(outDir, NEW_GPX, outputs),
          "new run",
          gps.track(gpsRng, plan.newDistance(), plan.newDurationSec(), newClock));
      MarkerCsv.writeReference(plan.markers(), output(outDir, REF_MARKERS, outputs));
      byte[] json = plan.truth().toJson();
      Files.write(output(outDir, TRUTH, outputs), json);
      for (Path[] o : outputs) {
        AtomicFiles.publish(o[0], o[1]);
      }
    } finally {
      for (Path[] o : outputs) {
        Files.deleteIfExists(o[0]);
      }
    }
    return new Result(outDir, plan.truth(), plan.markers());
  }

  /**
   * Renders and encodes one run. Frames are drawn concurrently, one per worker, while this thread
   * hands finished frames to the encoder in order; at most {@code workers + 1} frames are in
   * memory. The reference is filmed by {@link NewCamera#DEFAULT}'s helmet-mounted linear camera.
   */
  private static void renderRun(
      SynthPlan plan,
      NewCamera camera,
      RunLook runLook,
      DoubleUnaryOperator distanceAt,
      double fps,
      long frames,
      Path file,
      ExecutorService pool,
      int workers,
      Progress progress,
      String stage)
      throws IOException {
    SynthConfig config = plan.config();
    TrailShape shape = plan.shape();
    int[] size = camera.aspect().size(config.width(), config.height());
    int w = size[0];
    int h = size[1];
    int[] stored = OpticsRenderer.storedSize(w, h, camera.rotateDeg());
    // a 4:3 picture is cut from the same sensor: the mount shift stays put in pixels
    RunLook look = runLook.onPicture((double) config.width() / w, (double) config.height() / h);
    // the focal length stays the reference sensor's (zoom is relative to its width)
    double zoom = look.zoom() * ((double) config.width() / w);
    double mountLift = camera.mountHeightM() - TrailShape.CAMERA_HEIGHT;
    double mountTilt = Math.toRadians(camera.mountPitchDeg());
    Forest forest = new Forest(config.seed(), shape, new ToneCurve(look));
    HeadMotion head = new HeadMotion(look.jitterSeed());
    double shutter = 1 / (3 * fps);
    BlockingQueue<FrameRenderer> renderers = new ArrayBlockingQueue<>(workers);
    BlockingQueue<byte[]> buffers = new ArrayBlockingQueue<>(workers + 1);
    for (int i = 0; i < workers + 1; i++) {
      buffers.add(new byte[w * h * 3 / 2]);
    }
    Deque<Future<byte[]>> window = new ArrayDeque<>();
    try (SensorNoise noise = new SensorNoise(w, h, look);
        FrameSink sink =
            new H264FileSink(file, stored[0], stored[1], fps, QUALITY, camera.rotateDeg())) {
      for (int i = 0; i < workers; i++) {
        renderers.add(
            camera.needsOptics()
                ? new OpticsRenderer(forest, w, h, zoom, camera, look, noise, fps)
                : new ScanlineRenderer(forest, w, h, look, noise));
      }
      for (long i = 0; i < frames; i++) {
        if (window.size() == workers + 1) {
          encodeNext(window, sink, buffers);
          progress.update(stage, i - window.size(), frames);
        }
        final long index = i;
        window.addLast(
            pool.submit(
                () -> {
                  double t = index / fps;
                  double s = distanceAt.applyAsDouble(t);
                  double speed =
                      (distanceAt.applyAsDouble(t + 0.005) - distanceAt.applyAsDouble(t - 0.005))
                          / 0.01;
                  CameraPose base = shape.poseAt(s);
                  CameraPose pose =
                      new CameraPose(
                          s,
                          base.lateral() + look.lateral(),
                          base.height() + mountLift,
                          base.yaw() + head.yawAt(t),
                          base.pitch() + head.pitchAt(t) + mountTilt,
                          base.roll() + look.roll(),
                          zoom);
                  byte[] out = buffers.take();
                  FrameRenderer renderer = renderers.take();
                  try {
                    renderer.render(pose, Math.abs(speed) * shutter, index, out);
                  } finally {
                    renderers.add(renderer);
                  }
                  return out;
                }));
      }
      while (!window.isEmpty()) {
        encodeNext(window, sink, buffers);
      }
      progress.update(stage, frames, frames);
    } finally {
      for (Future<byte[]> pending : window) {
        pending.cancel(true);
      }
      renderers.forEach(FrameRenderer::close);
    }
  }

  private static void encodeNext(
      Deque<Future<byte[]>> window, FrameSink sink, BlockingQueue<byte[]> buffers)
      throws IOException {
    byte[] frame = await(window.removeFirst());
    sink.write(frame);
    buffers.add(frame);
  }

  private static void prepareFolder(Path outDir) throws IOException {
    try {
      Files.createDirectories(outDir);
    } catch (FileSystemException e) {
      throw new IOException("cannot create output folder " + outDir + ": " + reason(e), e);
    }
    if (!Files.isDirectory(outDir)) {
      throw new IOException("output path " + outDir + " is not a folder");
    }
    if (!Files.isWritable(outDir)) {
      throw new AccessDeniedException(outDir.toString(), null, "output folder is not writable");
    }
  }

  private static String reason(FileSystemException e) {
    String r = e.getReason();
    if (r != null) {
      return r;
    }
    return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
  }

  /** A temporary path for output {@code name}, recorded for publishing or clean-up. */
  private static Path output(Path dir, String name, List<Path[]> outputs) {
    Path target = dir.resolve(name);
    Path temp = AtomicFiles.tempBeside(target);
    outputs.add(new Path[] {temp, target});
    return temp;
  }

  private static <T> T await(Future<T> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("rendering failed: " + e.getCause(), e.getCause());
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
