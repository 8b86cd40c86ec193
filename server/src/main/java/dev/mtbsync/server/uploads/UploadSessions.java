package dev.mtbsync.server.uploads;

import dev.mtbsync.server.site.DashboardContext;
import dev.mtbsync.video.GrowingFileInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import me.desair.tus.server.TusFileUploadService;
import me.desair.tus.server.exception.TusException;
import me.desair.tus.server.upload.UploadInfo;

/**
 * The uploads in progress: the tus service that stores their bytes in a hidden folder of the root
 * ({@value #STORE}), and one {@link UploadSession} per upload, each syncing on a thread of its own.
 * A ticker sends each session's progress a few times a second, and forgets sessions that ended a
 * while ago or whose client went away for good.
 */
final class UploadSessions implements AutoCloseable {

  /** The quarantine: uploads live here until whole and checked; requests never reach it. */
  static final String STORE = ".uploads";

  /** An index box sent ahead is small: a 5-minute camera file's is a few MiB. */
  static final long MAX_INDEX_BYTES = 64L << 20;

  /** How long a paused upload may wait for its client to resume before it is dropped. */
  static final Duration IDLE_LIMIT = Duration.ofMinutes(30);

  /** How long a finished session's events stay available to a late or reconnecting page. */
  static final Duration KEEP_FINISHED = Duration.ofMinutes(10);

  static final String URI = "/api/uploads";

  private final DashboardContext site;
  private final TusFileUploadService tus;
  private final Path store;
  private final Map<String, UploadSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Long> finishedAt = new ConcurrentHashMap<>();
  private final ExecutorService syncs;
  private final ScheduledExecutorService ticker;

  UploadSessions(DashboardContext site) {
    this.site = site;
    this.store = site.root().root().resolve(STORE);
    this.tus =
        new TusFileUploadService()
            .withStoragePath(store.toString())
            .withUploadUri(URI)
            .withMaxUploadSize(site.config().maxUploadBytes())
            .withUploadExpirationPeriod(IDLE_LIMIT.toMillis());
    // a deferred length is refused below; concatenation is not offered
    tus.disableTusExtension("concatenation");
    this.syncs = Executors.newCachedThreadPool(daemon("mtbsync-upload-sync"));
    this.ticker = Executors.newSingleThreadScheduledExecutor(daemon("mtbsync-upload-tick"));
    ticker.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
  }

  TusFileUploadService tus() {
    return tus;
  }

  UploadSession session(String id) {
    return sessions.get(id);
  }

  /** An upload was created with this plan: start its sync now, on its first bytes' behalf. */
  void start(String id, UploadPlan plan, long length) throws IOException {
    GrowingFileInput.Overlay overlay = plan.index() == null ? null : overlay(plan.index());
    UploadSession s =
        new UploadSession(
            id,
            plan,
            length,
            dataFile(id),
            overlay,
            site.root(),
            site.config().keepAlive(),
            () -> discard(id));
    sessions.put(id, s);
    syncs.submit(
        () -> {
          s.sync();
          finishedAt.put(id, System.nanoTime());
          if (plan.index() != null) {
            discard(plan.index());
          }
        });
  }

  /**
   * The bytes of an index upload ({@code role: index}) as an overlay at the offset it names.
   *
   * @throws IllegalArgumentException when it is not a finished index upload
   */
  private GrowingFileInput.Overlay overlay(String indexId) throws IOException {
    UploadInfo info = info(indexId);
    if (info == null
        || info.isUploadInProgress()
        || !"index".equals(info.getMetadata().get("role"))) {
      throw new IllegalArgumentException("index " + indexId + " is not a finished index upload");
    }
    long offset;
    try {
      offset = Long.parseLong(info.getMetadata().get("offset"));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("index " + indexId + " names no offset");
    }
    return new GrowingFileInput.Overlay(dataFile(indexId), offset, info.getLength());
  }

  /** After a PATCH: the upload's stored offset. */
  void patched(String id) throws IOException {
    UploadSession s = sessions.get(id);
    UploadInfo info = info(id);
    if (s != null && info != null) {
      s.grew(info.getOffset());
    }
  }

  /** After a DELETE (tus termination): the upload's files are gone; its sync stops. */
  void cancelled(String id) {
    UploadSession s = sessions.get(id);
    if (s != null) {
      s.cancel();
    }
  }

  UploadInfo info(String id) throws IOException {
    try {
      return tus.getUploadInfo(URI + "/" + id);
    } catch (TusException e) {
      return null;
    }
  }

  /** Where tus keeps an upload's bytes (its disk store's layout: {@code uploads/ID/data}). */
  Path dataFile(String id) {
    return store.resolve("uploads").resolve(id).resolve("data");
  }

  private void discard(String id) {
    try {
      tus.deleteUpload(URI + "/" + id);
    } catch (IOException | TusException | RuntimeException ignored) {
      // already gone
    }
    try {
      Files.deleteIfExists(store.resolve(id)); // its lock file
    } catch (IOException ignored) {
      // removed with the store's own clean-up
    }
  }

  private void tick() {
    long now = System.nanoTime();
    for (UploadSession s : sessions.values()) {
      try {
        s.publish();
        if (s.idleNanos() > IDLE_LIMIT.toNanos()) {
          s.cancel();
        }
      } catch (RuntimeException e) {
        // one session's trouble must not stop the others' progress
      }
      Long done = finishedAt.get(s.id());
      if (done != null && now - done > KEEP_FINISHED.toNanos()) {
        sessions.remove(s.id());
        finishedAt.remove(s.id());
        s.close();
      }
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    for (UploadSession s : sessions.values()) {
      s.cancel();
      s.close();
    }
    syncs.shutdownNow();
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
