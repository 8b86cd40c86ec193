package dev.mtbsync.cli;

/** Every exit status mtbsync uses, in one place. */
public final class ExitCodes {
  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int USAGE = 2;
  public static final int QUALITY_WARN = 10;
  public static final int QUALITY_FAIL = 20;

  private ExitCodes() {}
}
