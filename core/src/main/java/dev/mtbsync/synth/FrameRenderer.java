package dev.mtbsync.synth;

/**
 * Draws the frames of one run. One instance draws one frame at a time; use one per thread.
 * Implementations: {@link ScanlineRenderer} (the pinhole camera itself) and {@link OpticsRenderer}
 * (another lens, a stabilisation crop or a stored rotation on top of it).
 */
interface FrameRenderer extends AutoCloseable {

  /**
   * Renders frame {@code index} into {@code out} (planar YUV 4:2:0, I420, of the stored frame's
   * size).
   *
   * @param blurM distance (m) the camera moves while the shutter is open
   * @param index frame number: varies the sensor noise, and gives the time of time-varying optics
   */
  void render(CameraPose pose, double blurM, long index, byte[] out);

  @Override
  void close();
}
