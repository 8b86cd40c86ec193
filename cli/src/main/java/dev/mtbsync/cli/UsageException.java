package dev.mtbsync.cli;

/**
 * A command line whose flags parse but do not make sense together or are out of range ("--export
 * needs --ref-markers"): exit 2, told in one line that names the flag. Thrown by the commands and
 * their option mixins, never by the engine, whose own refusals of a value speak of its parameters
 * and are translated to the flag by {@link SyncOptions#flagged}.
 */
final class UsageException extends RuntimeException {

  UsageException(String message) {
    super(message);
  }

  UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
