package dev.mtbsync.cli;

import dev.mtbsync.server.DashboardServer;
import dev.mtbsync.server.site.DashboardConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a dashboard server in the foreground: prints its URL, opens a browser only when asked, and
 * serves until Ctrl-C (or until the calling thread is interrupted, which tests use).
 */
final class Serving {

  private Serving() {}

  /**
   * @param label what is served, for the printed line ("dashboard", "telemetry", "compare")
   * @param envName the port's environment variable, named in the hint when the port is taken
   */
  static void serve(
      DashboardConfig config,
      boolean openBrowser,
      String label,
      String envName,
      PrintWriter out,
      PrintWriter err)
      throws IOException {
    DashboardServer server;
    try {
      server = DashboardServer.create(config).start();
    } catch (BindException e) {
      throw new IOException(e.getMessage() + ": pass --port or set " + envName, e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              server.close();
              stopped.countDown();
            },
            "mtbsync-dashboard-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (!config.loopbackOnly()) {
        err.println(
            "mtbsync: serving on "
                + config.host()
                + ": anyone who can reach this machine can read "
                + config.root());
      }
      out.printf(Locale.ROOT, "%-10s %s  (Ctrl-C to stop)%n", label, server.url());
      out.flush();
      if (openBrowser) {
        Browser.open(server.url(), err);
      }
      stopped.await();
    } catch (InterruptedException e) {
      // stopped by the caller (tests): close below, with the flag clear so Jetty can stop
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running
      }
      server.close();
    }
  }
}
