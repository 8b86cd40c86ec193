package dev.mtbsync.server.compare;

/**
 * The {@code t=} of {@code /compare}: the moment of the new run (s) the page opens at, so that a
 * gate or marker elsewhere can link to the comparison at that moment.
 */
public final class StartAt {

  private StartAt() {}

  /**
   * @param text the parameter as given, null or blank when absent
   * @return the seconds, null when absent
   * @throws IllegalArgumentException (a 400) when it is not a number of seconds, 0 or more
   */
  public static Double parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      double t = Double.parseDouble(text.trim());
      if (Double.isFinite(t) && t >= 0) {
        return t;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new IllegalArgumentException(
        "t must be seconds of the new run, 0 or more (such as t=12.5), got '" + text + "'");
  }
}
