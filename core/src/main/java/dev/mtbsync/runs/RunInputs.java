package dev.mtbsync.runs;

import dev.mtbsync.io.Json;
import dev.mtbsync.video.FileSignature;
import dev.mtbsync.video.VideoLength;
import java.util.LinkedHashMap;
import java.util.Map;

/** How run.json describes an input video: its signature, and how much of it decoded. */
final class RunInputs {

  private RunInputs() {}

  /**
   * The signature's fields ({@code path}, {@code size_bytes}, {@code mtime}, {@code
   * sha256_first_mib}, as before, so older readers still find them) plus {@code truncated}, {@code
   * decoded_sec} and {@code header_sec} (null when the header gives no duration).
   */
  static Map<String, Object> video(FileSignature sig, VideoLength length) {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = new LinkedHashMap<>(Json.MAPPER.convertValue(sig, Map.class));
    m.put("truncated", length.truncated());
    m.put("decoded_sec", round(length.decodedSec()));
    m.put("header_sec", Double.isFinite(length.headerSec()) ? round(length.headerSec()) : null);
    return m;
  }

  private static double round(double sec) {
    return Math.round(sec * 1000) / 1000.0;
  }
}
