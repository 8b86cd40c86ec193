package dev.mtbsync.server.uploads;

import dev.mtbsync.Progress;
import dev.mtbsync.align.WarpConfig;
import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.features.VideoScanner;
import dev.mtbsync.match.MatchConfig;
import dev.mtbsync.runs.SyncPipeline;
import dev.mtbsync.runs.SyncRequest;
import dev.mtbsync.runs.SyncResult;
import dev.mtbsync.server.files.RootPath;
import dev.mtbsync.server.json.ApiJson;
import dev.mtbsync.server.sse.SseHub;
import dev.mtbsync.telemetry.TelemetryConfig;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.GrowingFileInput;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One upload and the sync it feeds: the decoder reads the upload's file while it grows, the
 * reference is decoded meanwhile, and once the last byte is in and checked the file moves into the
 * root and the run folder is written. Its progress goes to its own event stream ({@link #hub()}).
 *
 * <p>Stages, in order: {@code receiving} (bytes in, no frame yet), {@code waiting for index} (an
 * MP4 whose index is at its end: nothing decodes before the tail arrives), {@code decoding}, {@code
 * matching} (the upload is whole; pairs, warp, markers), then {@code done} with the run, or {@code
 * error} with one line saying why, or {@code cancelled}. Nothing of a failed or cancelled upload is
 * left behind.
 */
final class UploadSession {

  /** The analysis of {@code mtbsync sync} with its default flags, so both give the same run. */
  static final OrbConfig REF_ORB = new OrbConfig(10, 960, 500, false);

  static final OrbConfig NEW_ORB = new OrbConfig(6, 960, 500, false);

  private final String id;
  private final UploadPlan plan;
  private final long length;
  private final Path data;
  private final Path target;
  private final RootPath root;
  private final GrowingFileInput input;
  private final SseHub hub;
  private final Runnable discard;
  private final Object state = new Object();
  private String stage = "receiving";
  private volatile double decodedSec;
  private volatile double durationSec = Double.NaN;
  private volatile boolean decoderStarted;
  private boolean received;
  private boolean finished;
  private String run;
  private String error;
  private long lastActivity = System.nanoTime();
  private String lastPublished;

  /**
   * @param data the file the upload's bytes are written to
   * @param overlay the file's index, sent ahead as an upload of its own; or null
   * @param discard removes the upload's stored files (its bytes, if still there, and its state)
   */
  UploadSession(
      String id,
      UploadPlan plan,
      long length,
      Path data,
      GrowingFileInput.Overlay overlay,
      RootPath root,
      Duration keepAlive,
      Runnable discard)
      throws IOException {
    this.id = id;
    this.plan = plan;
    this.length = length;
    this.data = data;
    this.root = root;
    this.target = plan.target(root, id);
    this.input = new GrowingFileInput(data, length, overlay);
    this.hub = new SseHub(1, 64, keepAlive);
    this.discard = discard;
  }

  String id() {
    return id;
  }

  UploadPlan plan() {
    return plan;
  }

  SseHub hub() {
    return hub;
  }

  /** Runs the sync on the calling thread until the run is written, or the upload fails. */
  void sync() {
    publish();
    try {
      int cores = Runtime.getRuntime().availableProcessors();
      SyncRequest req =
          new SyncRequest(
              plan.reference(),
              target,
              null,
              plan.refMarkers(),
              root.root(),
              REF_ORB,
              NEW_ORB,
              new MatchConfig(1, 20, cores),
              WarpConfig.DEFAULT,
              0.6);
      SyncResult r =
          SyncPipeline.run(req, Progress.NONE, TelemetryConfig.DEFAULT, null, this::scanNew);
      end("done", root.relative(r.runDir()), null);
    } catch (Exception e) {
      boolean cancelled = input.abandoned() && !isReceived();
      cleanUp();
      end(cancelled ? "cancelled" : "error", null, message(e));
    }
  }

  /** The new run's frames, from the upload as it arrives; returns once the file is in place. */
  private ScannedVideo scanNew(VideoScanner scanner, Progress progress) throws IOException {
    Path label = Path.of(plan.filename());
    ScannedVideo video;
    try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(input, label, scanner.maxWidth())) {
      durationSec = src.info().durationSec();
      decoderStarted = true;
      video =
          scanner.scan(new TimedSource(src, t -> decodedSec = t), label, progress, "decode new");
    } catch (IOException e) {
      if (input.abandoned()) {
        throw new IOException(plan.filename() + ": the upload was cancelled", e);
      }
      throw e;
    }
    if (input.abandoned()) {
      throw new IOException(plan.filename() + ": the upload was cancelled");
    }
    awaitReceived();
    setStage("matching");
    moveIntoPlace();
    return video;
  }

  /**
   * Waits until the upload layer has acknowledged the last byte: the decoder may read it from the
   * file a moment before the request that carried it is done.
   */
  private void awaitReceived() throws IOException {
    synchronized (state) {
      while (!received) {
        if (input.abandoned()) {
          throw new IOException(plan.filename() + ": the upload was cancelled");
        }
        try {
          state.wait(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("interrupted");
        }
      }
    }
  }

  /** Checks the whole file is there (its declared length) and moves it under the root. */
  private void moveIntoPlace() throws IOException {
    long size = Files.size(data);
    if (size != length) {
      throw new IOException(
          plan.filename() + ": received " + size + " bytes of the " + length + " announced");
    }
    input.close();
    Files.createDirectories(target.getParent());
    Files.move(data, target, StandardCopyOption.ATOMIC_MOVE);
    discard.run();
  }

  /** The tus layer stored more bytes (or the last ones). */
  void grew(long offset) {
    synchronized (state) {
      lastActivity = System.nanoTime();
      if (offset >= length) {
        received = true;
        state.notifyAll();
      }
    }
    if (offset >= length) {
      input.complete();
    } else {
      input.grew();
    }
    publish();
  }

  /** The client cancelled (tus DELETE) or went away for good: stop and leave nothing. */
  void cancel() {
    input.abandon();
  }

  /** Nanoseconds since bytes last arrived, while still receiving; 0 once received or finished. */
  long idleNanos() {
    synchronized (state) {
      return received || finished ? 0 : System.nanoTime() - lastActivity;
    }
  }

  boolean finished() {
    synchronized (state) {
      return finished;
    }
  }

  private boolean isReceived() {
    synchronized (state) {
      return received;
    }
  }

  private void setStage(String s) {
    synchronized (state) {
      stage = s;
    }
    publish();
  }

  private void end(String how, String runId, String why) {
    synchronized (state) {
      stage = how;
      run = runId;
      error = why;
      finished = true;
    }
    publish();
  }

  private void cleanUp() {
    input.abandon();
    try {
      input.close();
    } catch (IOException ignored) {
      // the files go below either way
    }
    discard.run();
    try {
      Files.deleteIfExists(target);
    } catch (IOException ignored) {
      // nothing was moved, or it is gone already
    }
  }

  /** The state as the events carry it. */
  Map<String, Object> snapshot() {
    long bytes;
    try {
      bytes = Files.exists(data) ? Files.size(data) : length;
    } catch (IOException e) {
      bytes = 0;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    synchronized (state) {
      String shown = stage;
      if (shown.equals("receiving") && decodedSec > 0) {
        shown = "decoding";
      } else if (shown.equals("receiving") && input.position() > bytes) {
        shown = "waiting for index";
      } else if (shown.equals("receiving") && !decoderStarted && bytes >= length && length > 0) {
        shown = "decoding";
      }
      out.put("id", id);
      out.put("filename", plan.filename());
      out.put("stage", shown);
      out.put("bytes_received", finished || received ? length : Math.min(bytes, length));
      out.put("bytes_total", length);
      out.put("decoded_sec", Math.round(decodedSec * 100) / 100.0);
      out.put("duration_sec", Double.isFinite(durationSec) ? durationSec : null);
      out.put("run", run);
      out.put("error", error);
    }
    return out;
  }

  /** Sends the state when it changed; the event is {@code progress}, or {@code end} at the end. */
  void publish() {
    publish(false);
  }

  /** As {@link #publish()}; {@code always}: even when nothing changed. */
  void publish(boolean always) {
    Map<String, Object> s = snapshot();
    String json;
    try {
      json = ApiJson.MAPPER.writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    synchronized (state) {
      if (!always && json.equals(lastPublished)) {
        return;
      }
      lastPublished = json;
    }
    hub.publish(finished() ? "end" : "progress", json);
  }

  /** One line for the rider: the problem, without the chain of causes. */
  private static String message(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m);
  }

  /** Closes the event stream (the session is forgotten). */
  void close() {
    hub.close();
  }
}
