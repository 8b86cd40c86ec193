package dev.mtbsync.runs;

import dev.mtbsync.artefacts.RunJson;
import dev.mtbsync.video.FileSignature;
import dev.mtbsync.video.VideoLength;

/** How run.json describes an input: its signature and, for a video, how much of it decoded. */
final class RunInputs {

  private RunInputs() {}

  /**
   * The signature's fields ({@code path}, {@code size_bytes}, {@code mtime}, {@code
   * sha256_first_mib}, as before, so older readers still find them) plus {@code truncated}, {@code
   * decoded_sec} and {@code header_sec} (null when the header gives no duration).
   */
  static RunJson.Video video(FileSignature sig, VideoLength length) {
    return new RunJson.Video(
        sig.path(),
        sig.sizeBytes(),
        sig.mtime(),
        sig.sha256FirstMib(),
        length.truncated(),
        round(length.decodedSec()),
        Double.isFinite(length.headerSec()) ? round(length.headerSec()) : null);
  }

  /** A file's signature as run.json names it. */
  static RunJson.InputFile file(FileSignature sig) {
    return new RunJson.InputFile(sig.path(), sig.sizeBytes(), sig.mtime(), sig.sha256FirstMib());
  }

  private static double round(double sec) {
    return Math.round(sec * 1000) / 1000.0;
  }
}
