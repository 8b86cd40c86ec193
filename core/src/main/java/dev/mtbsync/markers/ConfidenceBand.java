package dev.mtbsync.markers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The bands a confidence (0 to 1, of a pair or a transferred marker) is shown in, the same in every
 * view: the overlay plot, the dashboard's warp plot and marker table, and the compare page (which
 * gets the limits through its JSON, {@link #limits}).
 */
public enum ConfidenceBand {
  /** 0.8 and above (green). */
  HIGH(0.8, "\u2265 0.8"),
  /** 0.5 to 0.8 (amber). */
  MID(0.5, "0.5\u20130.8"),
  /** Below 0.5 (red). */
  LOW(Double.NEGATIVE_INFINITY, "< 0.5");

  private final double from;
  private final String label;

  ConfidenceBand(double from, String label) {
    this.from = from;
    this.label = label;
  }

  /** The band a confidence falls in. */
  public static ConfidenceBand of(double confidence) {
    for (ConfidenceBand b : values()) {
      if (confidence >= b.from) {
        return b;
      }
    }
    return LOW;
  }

  /** The least confidence in this band. */
  public double from() {
    return from;
  }

  /** The band's range for a legend: "≥ 0.8", "0.5–0.8", "< 0.5". */
  public String label() {
    return label;
  }

  /** The name pages style it by: {@code high}, {@code mid}, {@code low}. */
  public String cssClass() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The lower limit of each band above the lowest, by {@link #cssClass}: for a page's script. */
  public static Map<String, Double> limits() {
    Map<String, Double> m = new LinkedHashMap<>();
    for (ConfidenceBand b : values()) {
      if (b != LOW) {
        m.put(b.cssClass(), b.from);
      }
    }
    return m;
  }
}
