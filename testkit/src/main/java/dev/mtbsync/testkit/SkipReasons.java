package dev.mtbsync.testkit;

import java.io.PrintStream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints one line, {@code SKIPPED Class.method: reason}, for each test that did not run: disabled,
 * or stopped by a failed assumption (e.g. real footage absent from ../shared/data).
 *
 * <p>DESIGN NOTE: surefire keeps the reason only in its XML report and counts the test as skipped
 * on the console, so a missing data folder read as a silent pass. Registered in this module's
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}, so every module
 * whose tests have this module on their class path prints the reasons.
 */
public final class SkipReasons implements TestExecutionListener {

  private static final String[] LEAD_INS = {"Assumption failed:", "assumption was not met due to:"};

  private final PrintStream out;

  public SkipReasons() {
    this(System.out);
  }

  SkipReasons(PrintStream out) {
    this.out = out;
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    out.println(line(test, reason));
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      out.println(line(test, result.getThrowable().map(Throwable::getMessage).orElse(null)));
    }
  }

  static String line(TestIdentifier test, String reason) {
    return "SKIPPED " + name(test) + ": " + firstLine(reason);
  }

  private static String name(TestIdentifier test) {
    TestSource source = test.getSource().orElse(null);
    if (source instanceof MethodSource m) {
      return simple(m.getClassName()) + "." + m.getMethodName();
    }
    if (source instanceof ClassSource c) {
      return simple(c.getClassName());
    }
    return test.getDisplayName();
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /**
   * The reason's first line, without the assumption libraries' lead-in ("Assumption failed: ",
   * AssertJ's "assumption was not met due to: ") and without the brackets around an AssertJ {@code
   * as(...)} description.
   */
  static String firstLine(String reason) {
    if (reason == null || reason.isBlank()) {
      return "no reason given";
    }
    String first = reason.strip().lines().findFirst().orElse("").strip();
    for (String leadIn : LEAD_INS) {
      if (first.startsWith(leadIn)) {
        first = first.substring(leadIn.length()).strip();
      }
    }
    if (first.startsWith("[") && first.endsWith("]")) {
      first = first.substring(1, first.length() - 1).strip();
    }
    return first;
  }
}
