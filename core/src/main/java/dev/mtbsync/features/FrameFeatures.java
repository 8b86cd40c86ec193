package dev.mtbsync.features;

/**
 * What is kept of one sampled frame.
 *
 * @param tSec presentation time (s)
 * @param keypoints ORB keypoints, 4 floats each: x, y (px in the analysed frame), angle (degrees),
 *     size (px)
 * @param descriptors ORB descriptors, 32 bytes (256-bit rBRIEF) each, in keypoint order
 * @param signature the global {@link Signature}
 */
public record FrameFeatures(double tSec, float[] keypoints, byte[] descriptors, float[] signature) {

  public static final int DESCRIPTOR_BYTES = 32;

  public int count() {
    return keypoints.length / 4;
  }
}
