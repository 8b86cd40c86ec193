package dev.mtbsync.cli;

import dev.mtbsync.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line status ("render new.mp4 1234/3600 34% ETA 0:21") redrawn in place on a terminal, at
 * most ten times a second. Hand-written: it is a dozen lines, and a progress-bar library would
 * bring a terminal library along for them.
 */
final class ConsoleProgress implements Progress, AutoCloseable {

  private final PrintWriter err;
  private String stage = "";
  private long stageStart;
  private long lastDraw;
  private boolean drawn;

  private ConsoleProgress(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  private final boolean enabled;

  /** Progress on the terminal; silent when output is piped or {@code quiet} is set. */
  static ConsoleProgress forTerminal(PrintWriter err, boolean quiet) {
    return new ConsoleProgress(err, !quiet && System.console() != null);
  }

  @Override
  public synchronized void update(String name, long done, long total) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (!name.equals(stage)) {
      if (drawn) {
        err.println();
      }
      stage = name;
      stageStart = now;
      lastDraw = 0;
    }
    boolean last = total > 0 && done >= total;
    if (!last && now - lastDraw < 100_000_000L) {
      return;
    }
    lastDraw = now;
    StringBuilder line = new StringBuilder("\r").append(name).append("  ").append(done);
    if (total > 0) {
      double frac = (double) done / total;
      double elapsed = (now - stageStart) / 1e9;
      long eta = frac > 0 ? Math.round(elapsed / frac - elapsed) : 0;
      line.append('/')
          .append(total)
          .append(
              String.format(Locale.ROOT, "  %3.0f%%  ETA %d:%02d", 100 * frac, eta / 60, eta % 60));
    }
    err.print(line);
    err.flush();
    drawn = true;
    if (last) {
      err.println();
      drawn = false;
    }
  }

  @Override
  public synchronized void close() {
    if (drawn) {
      err.println();
    }
  }
}
