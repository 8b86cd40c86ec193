package dev.mtbsync.features;

import org.bytedeco.opencv.global.opencv_core;

/**
 * The cores OpenCV's own worker pool may use (its resize, blur and brute-force matching split their
 * work over it), so a sync asked for {@code --threads 1} uses one core, not one of ours plus all of
 * OpenCV's.
 *
 * <p>DESIGN NOTE: the pool is one for the whole process; the last call sets it. A batch whose jobs
 * share the cores sets each job's share, which is the same for all of them.
 */
public final class OpenCvCores {

  private OpenCvCores() {}

  /**
   * @param cores 1 or more; 1 runs OpenCV's functions on the caller's thread
   */
  public static void limit(int cores) {
    if (cores < 1) {
      throw new IllegalArgumentException("cores must be 1 or more, got " + cores);
    }
    if (opencv_core.getNumThreads() != cores) {
      opencv_core.setNumThreads(cores);
    }
  }
}
