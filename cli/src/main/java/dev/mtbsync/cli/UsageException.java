package dev.mtbsync.cli;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A command line whose flags parse but do not make sense together or are out of range ("--export
 * needs --ref-markers"): exit 2, told in one line that names the flag. Thrown by the commands and
 * their option mixins, never by the engine, whose own refusals of a value speak of its parameters
 * and are translated to the flag by {@link #flagged}.
 */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Builds a config; a value it refuses is told by the flag the user typed ("--new-fps must be 0.5
   * to 30, got 0.0"), where the engine speaks of its parameter ("fps must be ...").
   *
   * @param flags the flag behind each parameter name the engine's messages start with
   */
  static <T> T flagged(Map<String, String> flags, Supplier<T> config) {
    try {
      return config.get();
    } catch (IllegalArgumentException e) {
      throw flagged(flags, e);
    }
  }

  /**
   * The engine's refusal of a parameter as a usage error naming its flag; the refusal itself when
   * it names none of {@code flags}.
   */
  static RuntimeException flagged(Map<String, String> flags, IllegalArgumentException e) {
    String m = String.valueOf(e.getMessage());
    for (Map.Entry<String, String> f : flags.entrySet()) {
      if (m.startsWith(f.getKey() + " must")) {
        return new UsageException(f.getValue() + m.substring(f.getKey().length()), e);
      }
    }
    return e;
  }
}
