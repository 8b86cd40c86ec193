package dev.mtbsync.camera;

/**
 * The new run's lens against the reference's, as a one-parameter division model on the new picture:
 * a point at {@code (x, y)} (px of the analysed new frame) is seen by a camera with the reference's
 * projection at {@code c + (p - c) / (1 + k r^2)}, where {@code c} is the picture's centre and
 * {@code r} the distance from it over the picture's half-diagonal (1 at a corner).
 *
 * <p>k &lt; 0: the new lens bends straight lines outward towards its edges against the reference
 * (barrel, a fisheye or GoPro Wide against Linear; about -0.48 for an equidistant fisheye seeing
 * 115 degrees across 16:9 against a pinhole); k &gt; 0: it pinches them (pincushion, or the
 * reference is the fisheye one). k = 0: the same projection. At the centre the map keeps the scale,
 * so the zoom of {@link CameraDifference} means the same with and without it.
 *
 * <p>DESIGN NOTE: the division model (Fitzgibbon 2001) rather than the polynomial {@code 1 + k
 * r^2}: with one parameter it follows an equidistant fisheye seeing 115 degrees across to 1.2 % of
 * the radius everywhere in the picture, and the inverse direction (a rectilinear new camera against
 * a fisheye reference) stays within the same family with the sign turned. Applied to keypoints only
 * (a few hundred per sample), never to whole frames: it costs microseconds a frame.
 *
 * @param k the distortion coefficient, dimensionless (see above); 0 for none
 * @param width analysed new frame width (px)
 * @param height analysed new frame height (px)
 */
public record RadialLens(double k, int width, int height) {

  /** A lens that changes nothing. */
  public static RadialLens none(int width, int height) {
    return new RadialLens(0, width, height);
  }

  /** Whether it moves any point. */
  public boolean isIdentity() {
    return k == 0;
  }

  /** Half the picture's diagonal (px): the unit of {@code r}. */
  double norm() {
    return 0.5 * Math.hypot(width, height);
  }

  /**
   * Keypoints (4 floats each: x, y, angle, size, as {@code FrameFeatures} keeps them) with x and y
   * moved to the reference's projection; angle and size are kept. The input is not changed.
   */
  public float[] undistortKeypoints(float[] keypoints) {
    return undistort(keypoints, 4, 0);
  }

  /**
   * Matched points (4 floats each: new x, y, reference x, y) with the new side moved to the
   * reference's projection.
   */
  public float[] undistortMatches(float[] points) {
    return undistort(points, 4, 0);
  }

  /** Moves the pair at {@code offset} of every {@code stride} floats; a copy. */
  private float[] undistort(float[] values, int stride, int offset) {
    float[] out = values.clone();
    if (k == 0) {
      return out;
    }
    double cx = width / 2.0;
    double cy = height / 2.0;
    double inv2 = 1 / (norm() * norm());
    for (int i = offset; i + 1 < out.length; i += stride) {
      double dx = out[i] - cx;
      double dy = out[i + 1] - cy;
      double f = 1 / (1 + k * (dx * dx + dy * dy) * inv2);
      out[i] = (float) (cx + dx * f);
      out[i + 1] = (float) (cy + dy * f);
    }
    return out;
  }
}
