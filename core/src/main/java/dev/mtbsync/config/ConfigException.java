package dev.mtbsync.config;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A configuration value the engine refuses: out of range, or at odds with another value. Thrown by
 * a config record's {@code validate()}, which runs before any decoding, so a bad value costs no
 * work. One meaning only: not a bad input file (that is {@code io.BadInputException}), not a pair
 * of runs that cannot be lined up.
 *
 * <p>The message is {@code "<parameter> <problem>"}, e.g. {@code "warp window must be 0.2 to 10 s,
 * got 0.0"}; a front end tells the same problem under its own name for the parameter with {@link
 * #as(String)} ({@code "--warp-window-sec must be 0.2 to 10 s, got 0.0"}).
 */
public final class ConfigException extends RuntimeException {

  private final String parameter;
  private final String problem;

  /**
   * @param parameter the engine's name for the value, as its config record documents it
   * @param problem what is wrong, starting with a verb ("must be 1 to 16, got 0")
   */
  public ConfigException(String parameter, String problem) {
    this(parameter, problem, null);
  }

  public ConfigException(String parameter, String problem, Throwable cause) {
    super(parameter + " " + problem, cause);
    this.parameter = parameter;
    this.problem = problem;
  }

  /** Throws a {@link ConfigException} for {@code parameter} unless {@code ok}. */
  public static void require(boolean ok, String parameter, String problem) {
    if (!ok) {
      throw new ConfigException(parameter, problem);
    }
  }

  /**
   * Runs the {@code validate()} of a config whose package still refuses a value with an {@link
   * IllegalArgumentException} worded {@code "<parameter> must ..."}, and gives that refusal this
   * type, so callers see one kind of configuration error whichever package the config lives in. Any
   * other {@code IllegalArgumentException} (a subclass, or one worded otherwise) passes unchanged.
   */
  public static <T> T checked(Supplier<T> validate) {
    try {
      return validate.get();
    } catch (IllegalArgumentException e) {
      String m = String.valueOf(e.getMessage());
      int verb = m.indexOf(" must ");
      if (e.getClass() != IllegalArgumentException.class || verb <= 0) {
        throw e;
      }
      throw new ConfigException(m.substring(0, verb), m.substring(verb + 1), e);
    }
  }

  /** The engine's name for the refused value, e.g. {@code "warp window"}. */
  public String parameter() {
    return parameter;
  }

  /** What is wrong with it, e.g. {@code "must be 0.2 to 10 s, got 0.0"}. */
  public String problem() {
    return problem;
  }

  /** The same refusal told under another name for the parameter: a flag, a request field. */
  public String as(String name) {
    return name + " " + problem;
  }

  /**
   * The refusal told under the name {@code names} gives its parameter; under the engine's name when
   * {@code names} has none for it.
   */
  public String as(Map<String, String> names) {
    String name = names.get(parameter);
    return name == null ? getMessage() : as(name);
  }
}
