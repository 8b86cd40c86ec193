package dev.mtbsync.video;

/** Frame-rate helpers shared by decoding, encoding and export. */
public final class FrameRates {

  private static final double[] NTSC = {24000.0 / 1001, 30000.0 / 1001, 60000.0 / 1001};

  private FrameRates() {}

  /**
   * Snaps a rate written with two decimals (23.976, 29.97, 59.94) to its exact n/1001 value, so
   * that frame times do not drift by a frame every few minutes; other rates pass through.
   */
  public static double exact(double fps) {
    for (double ntsc : NTSC) {
      if (Math.abs(fps - ntsc) < 0.01) {
        return ntsc;
      }
    }
    return fps;
  }
}
