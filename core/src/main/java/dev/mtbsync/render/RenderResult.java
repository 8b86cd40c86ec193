package dev.mtbsync.render;

import java.nio.file.Path;

/**
 * What a render wrote.
 *
 * @param file the MP4 written
 * @param width output width in px
 * @param height output height in px
 * @param fps output frame rate (the followed video's)
 * @param frames output frames written
 * @param matchedFrames frames where the warp covers both runs (the rest show "no match here")
 * @param wallSec wall-clock seconds the render took
 */
public record RenderResult(
    Path file, int width, int height, double fps, long frames, long matchedFrames, double wallSec) {

  /** Seconds of video written. */
  public double videoSec() {
    return frames / fps;
  }

  /** Seconds of video made per second of work: above 1 is faster than real time. */
  public double speed() {
    return wallSec > 0 ? videoSec() / wallSec : Double.POSITIVE_INFINITY;
  }
}
