package dev.mtbsync.cli;

import dev.mtbsync.server.site.DashboardConfig;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Flags of the commands that serve the dashboard: where to listen and what to allow. */
public final class ServeOptions {

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP port (default: the command's environment variable, else its own default).")
  Integer port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      paramLabel = "HOST",
      description =
          "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 serves"
              + " the root to anyone who can reach this machine).")
  String host;

  @Option(
      names = "--allow-write",
      description =
          "Enable the prune control, JSON export, saving annotations and adding runs by upload"
              + " (off: read-only).")
  boolean allowWrite;

  @Option(
      names = "--max-upload",
      defaultValue = "16G",
      paramLabel = "SIZE",
      description =
          "Largest video accepted by upload (with --allow-write), in bytes or with K, M, G, T"
              + " (default: ${DEFAULT-VALUE}).")
  String maxUpload;

  @Option(names = "--open-browser", description = "Open the page in a browser once serving.")
  boolean openBrowser;

  /**
   * Serves {@code base} with these options until Ctrl-C: port from {@code --port}, else the
   * environment variable {@code envName}, else {@code fallback}.
   *
   * @param label what is served, in the printed line
   */
  void serve(DashboardConfig base, String envName, int fallback, String label, CommandSpec spec)
      throws IOException {
    DashboardConfig config =
        base.withHost(host)
            .withPort(port(envName, fallback, System.getenv()))
            .withAllowWrite(allowWrite)
            .withMaxUploadBytes(bytes(maxUpload));
    Serving.serve(
        config,
        openBrowser,
        label,
        envName,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /**
   * A size such as {@code 16G}, {@code 500M} or {@code 1048576} in bytes (binary multiples).
   *
   * @throws UsageException when it is not one
   */
  static long bytes(String size) {
    String s = size == null ? "" : size.trim().toUpperCase(Locale.ROOT);
    String units = "KMGT";
    int shift = 0;
    if (!s.isEmpty() && units.indexOf(s.charAt(s.length() - 1)) >= 0) {
      shift = 10 * (units.indexOf(s.charAt(s.length() - 1)) + 1);
      s = s.substring(0, s.length() - 1);
    }
    try {
      long n = Long.parseLong(s);
      if (n > 0 && n <= (Long.MAX_VALUE >> shift)) {
        return n << shift;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(
        "--max-upload must be a positive size such as 16G or 500M, got '" + size + "'");
  }

  /**
   * The port to use: {@code --port}, else the environment variable {@code envName}, else {@code
   * fallback}.
   *
   * @throws UsageException when the variable is set but not a port number
   */
  int port(String envName, int fallback, Map<String, String> env) {
    if (port != null) {
      return port;
    }
    String v = env.get(envName);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int p = Integer.parseInt(v.trim());
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(envName + " must be a port number (0 to 65535), got '" + v + "'");
  }
}
