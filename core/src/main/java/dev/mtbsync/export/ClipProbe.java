package dev.mtbsync.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mtbsync.runs.Json;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/**
 * Finds out what an export needs of the new video: its rate, length, size and start timecode.
 *
 * <p>DESIGN NOTE: the start timecode is FFmpeg's {@code timecode} metadata, which it fills from a
 * QuickTime/MP4 {@code tmcd} track (GoPro writes one) on the video stream, or on the container for
 * other files; the length is the video stream's own. Reading both belongs with video probing; they
 * live here until {@code VideoInfo} carries them.
 */
public final class ClipProbe {

  private ClipProbe() {}

  /**
   * Probes a video file.
   *
   * @throws VideoFormatException when it is missing, empty or not a readable video
   */
  public static SourceClip probe(Path video) throws IOException {
    VideoInfo info;
    try (FfmpegFrameSource source = FfmpegFrameSource.open(video)) {
      info = source.info();
    }
    FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
    try {
      grabber.start();
      AVStream stream = videoStream(grabber.getFormatContext());
      long frames = stream == null ? -1 : stream.nb_frames();
      double duration =
          stream == null || stream.duration() <= 0
              ? Double.NaN
              : stream.duration() * avutil.av_q2d(stream.time_base());
      return new SourceClip(
          video,
          info.fps(),
          Double.isNaN(duration) ? info.durationSec() : duration,
          frames > 0 ? frames : -1,
          info.width(),
          info.height(),
          startTimecode(grabber));
    } catch (FrameGrabber.Exception e) {
      throw new VideoFormatException(video, "not a readable video (" + e.getMessage() + ")", e);
    } finally {
      try {
        grabber.close();
      } catch (FrameGrabber.Exception ignored) {
        // the facts are read; a failing close changes nothing for the export
      }
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

  /**
   * The video stream itself, whose frame count and duration are the clip's: the container's
   * duration also spans data tracks, which on GoPro files run almost a second longer.
   */
  private static AVStream videoStream(AVFormatContext format) {
    for (int i = 0; i < format.nb_streams(); i++) {
      AVStream s = format.streams(i);
      if (s.codecpar().codec_type() == avutil.AVMEDIA_TYPE_VIDEO
          && (s.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) == 0) {
        return s;
      }
    }
    return null;
  }

  private static String startTimecode(FFmpegFrameGrabber grabber) {
    String tc = grabber.getVideoMetadata("timecode");
    if (tc == null || tc.isBlank()) {
      tc = grabber.getMetadata("timecode");
    }
    return tc == null || tc.isBlank() ? null : tc.trim();
  }
}
