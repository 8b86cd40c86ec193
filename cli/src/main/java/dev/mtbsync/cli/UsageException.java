package dev.mtbsync.cli;

import dev.mtbsync.config.ConfigException;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A command line whose flags parse but do not make sense together or are out of range ("--export
 * needs --ref-markers"): exit 2, told in one line that names the flag. Thrown by the commands and
 * their option mixins, never by the engine, whose own refusals of a value ({@link ConfigException})
 * speak of its parameters and are translated to the flag by {@link #flagged}.
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
   * @param flags the flag behind each engine parameter name ({@link ConfigException#parameter()})
   */
  static <T> T flagged(Map<String, String> flags, Supplier<T> config) {
    try {
      return ConfigException.checked(config);
    } catch (ConfigException e) {
      throw flagged(flags, e);
    }
  }

  /**
   * The engine's refusal of a parameter as a usage error naming its flag; the refusal itself (exit
   * 2 all the same, in the engine's words) when {@code flags} has no flag for its parameter.
   */
  static RuntimeException flagged(Map<String, String> flags, ConfigException e) {
    String flag = flags.get(e.parameter());
    return flag == null ? e : new UsageException(e.as(flag), e);
  }
}
