package dev.mtbsync.render;

import java.util.Locale;

/**
 * The comparison video's sound. Only the new run's own sound can be carried: it plays at its own
 * pace, so it needs the new run to be followed (re-timing sound would warble).
 */
public enum Audio {
  /** No sound track. */
  NONE,
  /** The new run's sound; an error when it has none or the reference is followed. */
  NEW,
  /** The new run's sound when the new run is followed and has sound, else none. */
  AUTO;

  /**
   * The choice a user named: {@code new}, {@code none} or {@code auto}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static Audio parse(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "none" -> NONE;
      case "new" -> NEW;
      case "auto" -> AUTO;
      default ->
          throw new IllegalArgumentException("audio must be new, none or auto, got '" + name + "'");
    };
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
