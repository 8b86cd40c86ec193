package dev.mtbsync.align;

/**
 * A pin: the rider's word that this moment of the new run is that moment of the reference.
 *
 * @param tNew time in the new video (s)
 * @param tRef time in the reference video (s)
 * @param note free text (may be empty), kept with the pin in {@code anchors.csv}
 */
public record Anchor(double tNew, double tRef, String note) {

  public Anchor {
    if (!Double.isFinite(tNew) || !Double.isFinite(tRef)) {
      throw new IllegalArgumentException("a pin needs finite times, got " + tNew + ", " + tRef);
    }
    note = note == null ? "" : note;
  }

  /** e.g. "pin 'drop' (new 12.300 s = ref 15.050 s)". */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "pin%s (new %.3f s = ref %.3f s)",
        note.isEmpty() ? "" : " '" + note + "'",
        tNew,
        tRef);
  }
}
