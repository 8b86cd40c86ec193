package dev.mtbsync.server.html;

/**
 * The colour bands of a confidence (0 to 1), the same in every view and in the overlay plot: {@code
 * high} (green) from 0.8, {@code mid} (amber) from 0.5, {@code low} (red) below.
 */
public final class Confidence {

  public static final double HIGH = 0.8;
  public static final double MID = 0.5;

  private Confidence() {}

  public static String band(double confidence) {
    return confidence >= HIGH ? "high" : confidence >= MID ? "mid" : "low";
  }
}
