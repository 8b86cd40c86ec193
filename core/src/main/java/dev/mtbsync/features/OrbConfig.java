package dev.mtbsync.features;

import java.io.Serializable;

/**
 * How frames are analysed. Checked once by {@link #validate()}.
 *
 * @param sampleFps frames per second that get ORB features and a signature (the rest keep only
 *     their presentation time, and the decoder skips them where it can), 0.5 to 30
 * @param maxWidth frames are scaled down to at most this width (px) before anything else, 160 to
 *     3840
 * @param keypoints ORB keypoints per sampled frame, 100 to 5000
 * @param clahe equalise contrast locally (CLAHE) before ORB: helps in deep shade and glare
 */
public record OrbConfig(double sampleFps, int maxWidth, int keypoints, boolean clahe)
    implements Serializable { // shipped to Spark workers

  /** The reference's analysis: 10 samples a second place pairs to a few milliseconds. */
  public static final OrbConfig DEFAULT = new OrbConfig(10, 960, 500, false);

  public OrbConfig validate() {
    if (!(sampleFps >= 0.5 && sampleFps <= 30)) {
      throw new IllegalArgumentException("fps must be 0.5 to 30, got " + sampleFps);
    }
    if (maxWidth < 160 || maxWidth > 3840) {
      throw new IllegalArgumentException("max width must be 160 to 3840 px, got " + maxWidth);
    }
    if (keypoints < 100 || keypoints > 5000) {
      throw new IllegalArgumentException("keypoints must be 100 to 5000, got " + keypoints);
    }
    return this;
  }
}
