package dev.mtbsync.quality;

/**
 * The quality gate's answer, with the exit code CI acts on (the Python tool's codes, written into
 * quality_gate.json as {@code exit_code}): a job fails on {@link #FAIL} and {@link #ERROR} only.
 */
public enum GateStatus {
  /** Every metric within its warn threshold. */
  PASS(0),
  /** A metric past its warn threshold, none past its fail threshold. */
  WARN(10),
  /**
   * A metric past its fail threshold while the history is still shorter than the learning window:
   * flagged, not failed, as the baseline is not yet trusted.
   */
  WARN_LEARNING(0),
  /** A metric past its fail threshold with a full learning window behind it. */
  FAIL(20),
  /** No history, or too little for a baseline. */
  NO_DATA(2),
  /** The root or its history could not be read. */
  ERROR(1);

  private final int exitCode;

  GateStatus(int exitCode) {
    this.exitCode = exitCode;
  }

  /** 0, 10, 20, 2 or 1. */
  public int exitCode() {
    return exitCode;
  }
}
