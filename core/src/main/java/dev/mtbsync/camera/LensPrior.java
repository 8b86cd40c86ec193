package dev.mtbsync.camera;

/**
 * What the two files say of their lenses (a GoPro's {@code VFOV} lens mode: {@code W} wide, {@code
 * L} linear, ...), used as the prior of the lens estimate: the pictures still decide, but the
 * evidence they need depends on it.
 *
 * @param refMode the reference's lens mode, null when its file does not say
 * @param newMode the new run's, null when its file does not say
 */
public record LensPrior(String refMode, String newMode) {

  /** Neither file says. */
  public static final LensPrior UNKNOWN = new LensPrior(null, null);

  /** Whether both files name their lens mode. */
  public boolean known() {
    return refMode != null && newMode != null;
  }

  /**
   * Share by which a lens term must lower the fit's cost to be applied: a quarter where both files
   * name the same mode (the telemetry says "same lens", so only a clear fit overrules it), none
   * where they name different modes (a lens difference is expected), {@link LensEstimator#MIN_GAIN}
   * where either is silent.
   */
  double minGain() {
    if (!known()) {
      return LensEstimator.MIN_GAIN;
    }
    return refMode.equalsIgnoreCase(newMode) ? 0.25 : 0;
  }

  /** {@code "W vs L"} (reference vs new), or null when not both are known. */
  String describe() {
    return known() ? refMode + " vs " + newMode : null;
  }
}
