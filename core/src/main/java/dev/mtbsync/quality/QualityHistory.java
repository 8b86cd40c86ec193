package dev.mtbsync.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.ArtefactJson;
import dev.mtbsync.io.AtomicFiles;
import dev.mtbsync.io.Json;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code ROOT/quality_history.json}: the quality records of a batch root's successful syncs, oldest
 * first, capped at the {@value #MAX_RECORDS} newest.
 *
 * <p>DESIGN NOTE: several processes may sync into one root at once. An append holds an exclusive
 * lock on {@code ROOT/.quality_history.lock} (a {@link FileChannel} lock between processes, a
 * {@link ReentrantLock} between threads of one process, since a JVM may not hold two channel locks
 * on one file) while it reads, adds and replaces the file; the replacement is atomic, so readers
 * that take no lock still see a whole file, the old or the new.
 */
public final class QualityHistory {

  public static final String FILE = "quality_history.json";
  public static final String LOCK_FILE = ".quality_history.lock";
  public static final int MAX_RECORDS = 2000;
  public static final int SCHEMA_VERSION = 1;

  private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  /**
   * A history as read.
   *
   * @param records the usable records, oldest first
   * @param problems one line for each record skipped, or for the file when it is unreadable
   * @param unreadable the file exists but is not a history (not JSON, or no record list)
   */
  public record Loaded(List<QualityRecord> records, List<String> problems, boolean unreadable) {}

  /** Work done under the history's lock, given the records before the append. */
  @FunctionalInterface
  public interface Step<T> {
    T apply(Loaded prior) throws IOException;
  }

  private QualityHistory() {}

  public static Path file(Path root) {
    return root.resolve(FILE);
  }

  /** Reads the history without locking; a missing file is an empty history. Never throws. */
  public static Loaded read(Path root) {
    Path file = file(root);
    if (!Files.exists(file)) {
      return new Loaded(List.of(), List.of(), false);
    }
    JsonNode tree;
    try {
      tree = ArtefactJson.readTree(file);
    } catch (IOException e) {
      return unreadable(e.getMessage());
    }
    // the Python tool wrote a bare list; ours is an object with a schema version
    JsonNode list = tree != null && tree.isObject() ? tree.get("records") : tree;
    if (list == null || !list.isArray()) {
      return unreadable(file + ": no list of records");
    }
    List<QualityRecord> records = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      try {
        records.add(parse(list.get(i)));
      } catch (IllegalArgumentException e) {
        problems.add(file + ": record " + (i + 1) + " skipped (" + e.getMessage() + ")");
      }
    }
    return new Loaded(List.copyOf(records), List.copyOf(problems), false);
  }

  /**
   * Appends {@code record} (dropping the oldest beyond {@value #MAX_RECORDS}), first running {@code
   * underLock} on the records before it; both happen under the lock, so concurrent appenders see
   * each other's records. An unreadable history is kept beside as {@code
   * quality_history.json.unreadable} and started afresh.
   *
   * @return what {@code underLock} returned
   */
  public static <T> T append(Path root, QualityRecord record, Step<T> underLock)
      throws IOException {
    Files.createDirectories(root);
    ReentrantLock local =
        LOCKS.computeIfAbsent(root.toAbsolutePath().normalize(), k -> new ReentrantLock());
    local.lock();
    try (FileChannel channel =
            FileChannel.open(
                root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      Loaded prior = read(root);
      if (prior.unreadable()) {
        Files.copy(
            file(root), root.resolve(FILE + ".unreadable"), StandardCopyOption.REPLACE_EXISTING);
      }
      T result = underLock.apply(prior);
      List<QualityRecord> all = new ArrayList<>(prior.records());
      all.add(record);
      write(root, all.subList(Math.max(0, all.size() - MAX_RECORDS), all.size()));
      return result;
    } finally {
      local.unlock();
    }
  }

  private static void write(Path root, List<QualityRecord> records) throws IOException {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema_version", SCHEMA_VERSION);
    doc.put("records", records);
    byte[] bytes = Json.MAPPER.writeValueAsBytes(doc);
    AtomicFiles.write(file(root), temp -> Files.write(temp, bytes));
  }

  private static QualityRecord parse(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not an object");
    }
    JsonNode id = n.get("run_id");
    if (id == null || !id.isTextual() || id.asText().isBlank()) {
      throw new IllegalArgumentException("no run_id");
    }
    return new QualityRecord(
        id.asText(),
        text(n, "timestamp"),
        text(n, "new_video"),
        number(n, "p90_sec"),
        number(n, "ppm"),
        number(n, "inlier_frac"),
        number(n, "fps"),
        number(n, "cpu_pct"),
        number(n, "rss_mb"),
        number(n, "gpu_util"),
        number(n, "gpu_mem_mb"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static Double number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
      throw new IllegalArgumentException(field + " is not a number: " + v);
    }
    return v.asDouble();
  }

  private static Loaded unreadable(String problem) {
    return new Loaded(List.of(), List.of(problem), true);
  }
}
