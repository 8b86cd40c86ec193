package dev.mtbsync.video;

import java.util.Locale;

/**
 * How much of a video decodes, against what its header promises.
 *
 * <p>DESIGN NOTE: a camera whose battery dies mid-run, or a copy cut short, leaves an MP4 whose
 * index (written first by many cameras and by {@code -movflags +faststart}) still lists every
 * frame, while the data stops part-way. FFmpeg then ends the stream early without an error, so the
 * only sign is that the frames stop short of the header's duration. A file is called truncated when
 * the decoded frames end more than {@value #SLACK_SEC} s and {@value #SLACK_SHARE} of the header's
 * duration short of it: a complete file ends within a frame of it (the sample clips and every
 * rendered one do), a variable frame rate within a few.
 *
 * @param headerSec the video stream's duration (s) as its header states it; NaN when unknown
 * @param decodedSec time (s) from the start to the end of the last decoded frame
 * @param decodedFrames frames decoded
 */
public record VideoLength(double headerSec, double decodedSec, long decodedFrames) {

  static final double SLACK_SEC = 0.25;
  static final double SLACK_SHARE = 0.02;

  /** The length of frames timed {@code pts} (s, in order) of a stream described by {@code info}. */
  public static VideoLength of(VideoInfo info, double[] pts) {
    if (pts.length == 0) {
      return new VideoLength(info.durationSec(), 0, 0);
    }
    double frame = info.fps() > 0 ? 1 / info.fps() : 0;
    return new VideoLength(info.durationSec(), pts[pts.length - 1] + frame, pts.length);
  }

  /** Whether the frames stop well short of the header's duration. */
  public boolean truncated() {
    return Double.isFinite(headerSec)
        && headerSec - decodedSec > Math.max(SLACK_SEC, SLACK_SHARE * headerSec);
  }

  /** e.g. "truncated: decodes to 7.8 s of a 12.1 s header duration". */
  public String truncation() {
    return String.format(
        Locale.ROOT,
        "truncated: decodes to %.1f s of a %.1f s header duration",
        decodedSec,
        headerSec);
  }
}
