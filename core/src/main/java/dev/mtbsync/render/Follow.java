package dev.mtbsync.render;

import java.util.Locale;

/**
 * Which run sets the pace of the comparison video: it plays frame by frame as filmed, and the other
 * run is re-timed through the warp to show the same place.
 */
public enum Follow {
  NEW,
  REFERENCE;

  /**
   * The run a user named: {@code new}, {@code reference} (or {@code ref}).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Follow parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "new" -> NEW;
      case "reference", "ref" -> REFERENCE;
      default ->
          throw new IllegalArgumentException("follow must be new or reference, got '" + name + "'");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
