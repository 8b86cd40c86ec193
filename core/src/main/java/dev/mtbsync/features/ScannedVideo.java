package dev.mtbsync.features;

import dev.mtbsync.video.VideoInfo;
import dev.mtbsync.video.VideoLength;
import java.util.List;

/**
 * What one decode pass keeps of a video: the time of every frame, and features of the sampled ones.
 * Memory grows with the number of samples only (about 40 KB each), not with frame size.
 *
 * @param info the stream as the container describes it
 * @param width width (px) of the analysed frames (scaled down from the stream)
 * @param height height (px) of the analysed frames
 * @param pts presentation time (s) of every frame, in order
 * @param samples features of the sampled frames, in time order
 */
public record ScannedVideo(
    VideoInfo info, int width, int height, double[] pts, List<FrameFeatures> samples) {

  public int frames() {
    return pts.length;
  }

  /** How much of the video decoded, against its header's duration. */
  public VideoLength length() {
    return VideoLength.of(info, pts);
  }
}
