package dev.mtbsync.runs;

import dev.mtbsync.features.OrbConfig;
import dev.mtbsync.video.FileSignature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a batch root keeps reference indexes between syncs: {@code ROOT/.index-cache/KEY.mtbidx},
 * the key hashing the video's signature and the analysis parameters. Inside the root the user gave,
 * so nothing is written elsewhere.
 */
final class IndexCache {

  static final String DIR = ".index-cache";

  private IndexCache() {}

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
