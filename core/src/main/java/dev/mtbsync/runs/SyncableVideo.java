package dev.mtbsync.runs;

import dev.mtbsync.features.ScannedVideo;
import dev.mtbsync.video.FfmpegFrameSource;
import dev.mtbsync.video.VideoFormatException;
import dev.mtbsync.video.VideoInfo;
import dev.mtbsync.video.VideoLength;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a video must offer to be synced, checked from its header before any decoding and from its
 * frames after, so that a still image, a one-frame clip or a thumbnail-sized one is named for what
 * it is instead of ending as "the runs do not overlap".
 *
 * <p>DESIGN NOTE: the limits are where syncing cannot work, not where it works well: ORB finds no
 * keypoints within 31 px of a border, so a picture under {@value #MIN_WIDTH}x{@value #MIN_HEIGHT}
 * px has next to none (on the rendered trail even 200 px wide gave no pair), and a warp needs
 * matched moments spread over time: under {@value #MIN_SEC} s there are a handful of samples.
 */
public final class SyncableVideo {

  /** Shortest video (s) that is synced. */
  public static final double MIN_SEC = 1;

  /** Smallest picture (px) that is synced. */
  public static final int MIN_WIDTH = 160;

  public static final int MIN_HEIGHT = 90;

  private SyncableVideo() {}

  /**
   * Reads a video's header: it must be a video (not a still image, not audio only), at least
   * {@value #MIN_WIDTH}x{@value #MIN_HEIGHT} px, and, where the header says, at least {@value
   * #MIN_SEC} s and more than one frame long.
   *
   * @throws VideoFormatException naming the file and the problem
   */
  public static VideoInfo probe(Path video) throws IOException {
    VideoInfo info;
    try (FfmpegFrameSource src = FfmpegFrameSource.openGrey(video, 960)) {
      info = src.info();
    }
    if (info.width() < MIN_WIDTH || info.height() < MIN_HEIGHT) {
      throw new VideoFormatException(
          video,
          String.format(
              Locale.ROOT,
              "too small to sync: %dx%d px (needs at least %dx%d px)",
              info.width(),
              info.height(),
              MIN_WIDTH,
              MIN_HEIGHT));
    }
    if (info.frameCount() == 1) {
      throw tooShort(video, "1 frame");
    }
    if (info.durationSec() < MIN_SEC) {
      throw tooShort(video, String.format(Locale.ROOT, "%.1f s", info.durationSec()));
    }
    return info;
  }

  /**
   * Checks what decoded: enough to sync. A truncated file that still is, is returned for the caller
   * to report and record.
   *
   * @throws VideoFormatException when too little decoded; for a truncated file the message says so
   */
  public static VideoLength check(Path video, ScannedVideo scanned) throws VideoFormatException {
    VideoLength length = scanned.length();
    if (length.decodedSec() >= MIN_SEC && length.decodedFrames() > 1) {
      return length;
    }
    if (length.truncated()) {
      throw new VideoFormatException(
          video,
          length.truncation()
              + String.format(Locale.ROOT, ", too short to sync (needs at least %.0f s)", MIN_SEC));
    }
    throw tooShort(
        video,
        length.decodedFrames() == 1
            ? "1 frame"
            : String.format(Locale.ROOT, "%.1f s", length.decodedSec()));
  }

  private static VideoFormatException tooShort(Path video, String what) {
    return new VideoFormatException(
        video,
        String.format(Locale.ROOT, "too short to sync: %s (needs at least %.0f s)", what, MIN_SEC));
  }
}
