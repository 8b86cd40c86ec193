package dev.mtbsync.synth;

import java.util.SplittableRandom;

/**
 * What makes one recording look different from another of the same place: camera mounting
 * (principal-point shift, roll, zoom), the rider's line and head movement, exposure and white
 * balance, sensor noise.
 *
 * @param shiftX principal-point shift, fraction of the width
 * @param shiftY principal-point shift, fraction of the height
 * @param roll extra roll of the mount (rad)
 * @param zoom focal-length factor
 * @param lateral offset of the rider's line (m)
 * @param gain per-channel gains (B, G, R)
 * @param gamma tone curve exponent
 * @param noiseSigma sensor noise standard deviation (8-bit levels)
 * @param jitterSeed seed of the head-movement signal
 */
record RunLook(
    double shiftX,
    double shiftY,
    double roll,
    double zoom,
    double lateral,
    double[] gain,
    double gamma,
    double noiseSigma,
    long jitterSeed) {

  /** The reference: a camera mounted straight, neutral colour, light noise. */
  static RunLook reference(SplittableRandom rng) {
    return new RunLook(0, 0, 0, 1, 0, new double[] {1, 1, 1}, 1, 2.0, rng.nextLong());
  }

  /**
   * The new run: a different mount, line, exposure and noise, drawn from {@code rng}. A zoom or
   * line offset that {@code camera} sets replaces the drawn one; the draws are made all the same,
   * so the rest of the look is the one the seed gives without camera options.
   */
  static RunLook newRun(SplittableRandom rng, NewCamera camera) {
    RunLook drawn = draw(rng);
    return new RunLook(
        drawn.shiftX,
        drawn.shiftY,
        drawn.roll,
        camera.zoom() != null ? camera.zoom() : drawn.zoom,
        camera.lineOffsetM() != null ? camera.lineOffsetM() : drawn.lateral,
        drawn.gain,
        drawn.gamma,
        drawn.noiseSigma,
        drawn.jitterSeed);
  }

  /**
   * The same look on a picture of another size: the mount shift stays the same in pixels, its
   * fractions multiplied by {@code fx} (reference width / picture width) and {@code fy}.
   */
  RunLook onPicture(double fx, double fy) {
    return new RunLook(
        shiftX * fx, shiftY * fy, roll, zoom, lateral, gain, gamma, noiseSigma, jitterSeed);
  }

  /** The same look with the principal point in the middle of the frame. */
  RunLook withoutShift() {
    return new RunLook(0, 0, roll, zoom, lateral, gain, gamma, noiseSigma, jitterSeed);
  }

  private static RunLook draw(SplittableRandom rng) {
    double exposure = 0.8 + 0.4 * rng.nextDouble();
    double[] gain = new double[3];
    for (int c = 0; c < 3; c++) {
      gain[c] = exposure * (0.92 + 0.16 * rng.nextDouble());
    }
    return new RunLook(
        0.04 * (rng.nextDouble() - 0.5),
        0.04 * (rng.nextDouble() - 0.5),
        (rng.nextBoolean() ? 1 : -1) * Math.toRadians(1 + 1.5 * rng.nextDouble()),
        0.96 + 0.09 * rng.nextDouble(),
        0.5 * (rng.nextDouble() - 0.5),
        gain,
        0.9 + 0.2 * rng.nextDouble(),
        3.5,
        rng.nextLong());
  }
}
