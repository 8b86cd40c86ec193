package dev.mtbsync.runs;

import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.features.ReferenceIndex;
import dev.mtbsync.video.FileSignature;
import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where a batch root keeps reference indexes between syncs: {@code ROOT/.index-cache/KEY.mtbidx},
 * the key hashing the video's signature and the analysis parameters. Inside the root the user gave,
 * so nothing is written elsewhere.
 */
final class IndexCache {

  static final String DIR = ".index-cache";

  /** The index read last, with the file facts it was read under. */
  private record Loaded(
      Path file, Object key, long size, FileTime modified, ReferenceIndex.Entry entry) {}

  /** Softly held, so a long batch keeps its reference in memory only while memory allows. */
  private static SoftReference<Loaded> last = new SoftReference<>(null);

  private IndexCache() {}

  /**
   * Reads a cached index, or hands back the one read last when its file has not changed since: a
   * batch then reads its reference's features once, not once per pair. The entry is shared and must
   * not be modified.
   */
  static synchronized ReferenceIndex.Entry read(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    Path abs = file.toAbsolutePath().normalize();
    Loaded l = last.get();
    if (l != null
        && l.file().equals(abs)
        && Objects.equals(l.key(), a.fileKey())
        && l.size() == a.size()
        && l.modified().equals(a.lastModifiedTime())) {
      return l.entry();
    }
    ReferenceIndex.Entry e = ReferenceIndex.read(file);
    last = new SoftReference<>(new Loaded(abs, a.fileKey(), a.size(), a.lastModifiedTime(), e));
    return e;
  }

  static Path path(Path root, FileSignature video, OrbConfig params) {
    String key =
        video.sizeBytes() + "|" + video.mtime() + "|" + video.sha256FirstMib() + "|" + params;
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return root.resolve(DIR).resolve(HexFormat.of().formatHex(d, 0, 12) + ".mtbidx");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
