package dev.mtbsync;

/** Receives progress of long work; implementations must be cheap, they are called often. */
@FunctionalInterface
public interface Progress {

  /** Ignores every update. */
  Progress NONE = (stage, done, total) -> {};

  /**
   * @param stage short name of what is being done, e.g. {@code "render new.mp4"}
   * @param done units finished so far
   * @param total units in this stage, or -1 when unknown
   */
  void update(String stage, long done, long total);
}
