package dev.mtbsync.features;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * ORB on a thread of its own, so a file's samples are analysed while the decoder goes on to the
 * next: results come back in the order the frames were given.
 *
 * <p>DESIGN NOTE: on one thread the decoder stood still while ORB ran on each sample (about a third
 * of a sync's CPU), and FFmpeg's frame threads idled with it. At most {@value #AHEAD} samples wait
 * (grey pictures of at most the scan width, well under a megabyte each), so memory stays flat. The
 * extractor is used by the worker thread only (OpenCV's ORB is one instance per thread).
 */
final class BackgroundOrb implements AutoCloseable {

  /** Samples given but not yet analysed, at most. */
  static final int AHEAD = 4;

  private final OrbExtractor orb;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "mtbsync-orb");
            t.setDaemon(true);
            return t;
          });
  private final Deque<Future<FrameFeatures>> pending = new ArrayDeque<>();
  private final List<FrameFeatures> done = new ArrayList<>();

  BackgroundOrb(OrbConfig config) {
    this.orb = new OrbExtractor(config);
  }

  /** Queues one grey picture; waits while {@value #AHEAD} are queued. */
  void submit(double tSec, byte[] grey, int width, int height) throws IOException {
    while (pending.size() >= AHEAD) {
      done.add(take(pending.removeFirst()));
    }
    pending.addLast(worker.submit(() -> orb.extract(tSec, grey, width, height)));
  }

  /** Every picture's features, in the order given, once all are analysed. */
  List<FrameFeatures> results() throws IOException {
    while (!pending.isEmpty()) {
      done.add(take(pending.removeFirst()));
    }
    return done;
  }

  private static FrameFeatures take(Future<FrameFeatures> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while analysing frames", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /** Stops the worker (after the task running, if any) and frees the extractor. */
  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    orb.close();
  }
}
