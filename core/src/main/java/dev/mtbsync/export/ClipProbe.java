package dev.mtbsync.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.io.Json;
import dev.mtbsync.video.FfmpegAudioSource;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds out what an export needs of the new video: its rate, length, size, start timecode and sound
 * track.
 *
 * <p>The length is the video stream's own and the start timecode is the file's {@code tmcd} track
 * (see {@link FfmpegFrameSource#startTimecode()}).
 */
public final class ClipProbe {

  private ClipProbe() {}

  /**
   * Probes a video file.
   *
   * @throws VideoFormatException when it is missing, empty or not a readable video
   */
  public static SourceClip probe(Path video) throws IOException {
    int channels = 0;
    int sampleRate = 0;
    try (FfmpegAudioSource audio = FfmpegAudioSource.open(video)) {
      if (audio != null) {
        channels = audio.channels();
        sampleRate = audio.sampleRate();
      }
    }
    try (FfmpegFrameSource source = FfmpegFrameSource.open(video)) {
      VideoInfo info = source.info();
      return new SourceClip(
          video,
          info.fps(),
          info.durationSec(),
          info.frameCount(),
          info.width(),
          info.height(),
          source.startTimecode(),
          channels,
          sampleRate);
    }
  }

  /**
   * The new run's video named by the {@code run.json} beside a run folder's markers file, when that
   * file is still there; empty outside a run folder.
   */
  public static Optional<Path> runFolderVideo(Path markersCsv) {
    Path runJson = markersCsv.toAbsolutePath().resolveSibling("run.json");
    if (!Files.isRegularFile(runJson)) {
      return Optional.empty();
    }
    try {
      JsonNode path =
          Json.MAPPER.readTree(runJson.toFile()).path("inputs").path("new").path("path");
      if (path.isTextual() && Files.isRegularFile(Path.of(path.asText()))) {
        return Optional.of(Path.of(path.asText()));
      }
    } catch (IOException | RuntimeException unreadable) {
      // a run.json we cannot read tells us nothing; the export goes on without the video
    }
    return Optional.empty();
  }
}
