package dev.mtbsync.synth;

import java.util.function.IntUnaryOperator;

/** A run's colour response: per-channel gain (exposure and white balance) and a gamma. */
final class ToneCurve implements IntUnaryOperator {

  private final int[] red = new int[256];
  private final int[] green = new int[256];
  private final int[] blue = new int[256];

  ToneCurve(RunLook look) {
    double[] gain = look.gain(); // B, G, R
    for (int v = 0; v < 256; v++) {
      double x = Math.pow(v / 255.0, look.gamma());
      blue[v] = level(x * gain[0]);
      green[v] = level(x * gain[1]) << 8;
      red[v] = level(x * gain[2]) << 16;
    }
  }

  @Override
  public int applyAsInt(int rgb) {
    return red[rgb >> 16 & 255] | green[rgb >> 8 & 255] | blue[rgb & 255];
  }

  private static int level(double x) {
    return (int) Math.max(0, Math.min(255, Math.round(x * 255)));
  }
}
