package dev.mtbsync.server.render;

import dev.mtbsync.Progress;
import dev.mtbsync.render.ComparisonRenderer;
import dev.mtbsync.render.RenderConfig;
import dev.mtbsync.render.RenderInputs;
import dev.mtbsync.render.RenderResult;
import dev.mtbsync.server.json.ApiJson;
import dev.mtbsync.server.sse.SseHub;
import io.javalin.http.ConflictResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dashboard's comparison-video renders: one at a time per server, on a thread of its own,
 * cancellable. Progress and the outcome go out as {@code render} events on the hub given, at most
 * {@value #EVENTS_PER_SEC} a second while rendering; the latest status is kept for a page that
 * joins late ({@link #status()}).
 *
 * <p>DESIGN NOTE: one at a time because a render keeps both cores busy (two decoders, the warp and
 * blend, the encoder); a second one would only halve the speed of both. Cancelling sets a flag the
 * render's progress callback reads after every frame and ends the render by throwing, so the
 * renderer's own cleanup runs: its temporary file goes and no partial video is ever published.
 */
public final class RenderJobs implements AutoCloseable {

  static final int EVENTS_PER_SEC = 5;

  /** What a render was asked to do. */
  public record Request(String run, RenderConfig config, RenderInputs inputs, Path out) {}

  private final SseHub hub;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "mtbsync-render");
            t.setDaemon(true);
            return t;
          });
  private RenderStatus status = RenderStatus.IDLE;
  private volatile boolean cancelRequested;

  /**
   * @param hub where the {@code render} events go; owned by the caller
   */
  public RenderJobs(SseHub hub) {
    this.hub = hub;
  }

  /**
   * Starts a render.
   *
   * @param file the output's path relative to the root, as the page links it
   * @throws ConflictResponse (409) while another render runs
   */
  public synchronized RenderStatus start(Request request, String file) {
    if (status.running()) {
      throw new ConflictResponse("a render is running (" + status.run() + "); cancel it or wait");
    }
    cancelRequested = false;
    String layout = request.config().layout().cliName();
    String follow = request.config().follow().name().toLowerCase(Locale.ROOT);
    RenderStatus started = RenderStatus.started(request.run(), layout, follow, file);
    publish(started);
    worker.execute(() -> run(request, started));
    return started;
  }

  /**
   * Asks the running render to stop; it ends within a frame.
   *
   * @throws ConflictResponse (409) when none is running
   */
  public synchronized RenderStatus cancel() {
    if (!status.running()) {
      throw new ConflictResponse("no render is running");
    }
    cancelRequested = true;
    return status;
  }

  /** The running render's progress, else the last one's outcome, else idle. */
  public synchronized RenderStatus status() {
    return status;
  }

  private void run(Request request, RenderStatus started) {
    long[] lastEvent = {0};
    Progress progress =
        (stage, done, total) -> {
          if (cancelRequested) {
            throw new CancellationException("cancelled");
          }
          long now = System.nanoTime();
          if (now - lastEvent[0] >= 1_000_000_000L / EVENTS_PER_SEC || done == total) {
            lastEvent[0] = now;
            publish(started.progress(done, total));
          }
        };
    try {
      RenderResult r =
          ComparisonRenderer.render(request.inputs(), request.config(), request.out(), progress);
      publish(started.done(r.frames(), r.videoSec(), r.wallSec()));
    } catch (CancellationException e) {
      publish(status().cancelled());
    } catch (Exception | LinkageError e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      publish(status().failed(why.lines().findFirst().orElse(why)));
    }
  }

  private synchronized void publish(RenderStatus s) {
    status = s;
    hub.publish("render", ApiJson.write(s));
  }

  /** Stops a running render and the worker thread. */
  @Override
  public void close() {
    cancelRequested = true;
    worker.shutdownNow();
  }
}
