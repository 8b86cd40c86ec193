package dev.mtbsync.synth;

/** The pinhole camera's matrices: from an output pixel to the world ray it sees. */
final class CameraRays {

  private CameraRays() {}

  /**
   * Output pixel (u, v, 1) to world ray, row-major 3x3: rotation times inverse intrinsics.
   *
   * @param fOut focal length (px)
   * @param cx principal point, x (px)
   * @param cy principal point, y (px)
   */
  static double[] toWorld(CameraPose p, double fOut, double cx, double cy) {
    double[] kinv = {1 / fOut, 0, -cx / fOut, 0, -1 / fOut, cy / fOut, 0, 0, 1};
    double cr = Math.cos(p.roll());
    double sr = Math.sin(p.roll());
    double cp = Math.cos(p.pitch());
    double sp = Math.sin(p.pitch());
    double cyw = Math.cos(p.yaw());
    double syw = Math.sin(p.yaw());
    double[] rz = {cr, sr, 0, -sr, cr, 0, 0, 0, 1};
    double[] rx = {1, 0, 0, 0, cp, sp, 0, -sp, cp};
    double[] ry = {cyw, 0, syw, 0, 1, 0, -syw, 0, cyw};
    return mul(ry, mul(rx, mul(rz, kinv)));
  }

  /** Product of two row-major 3x3 matrices. */
  static double[] mul(double[] a, double[] b) {
    double[] c = new double[9];
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < 3; j++) {
        c[i * 3 + j] = a[i * 3] * b[j] + a[i * 3 + 1] * b[3 + j] + a[i * 3 + 2] * b[6 + j];
      }
    }
    return c;
  }
}
