package dev.mtbsync.server.site;

import dev.mtbsync.server.compare.CompareInputs;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to serve a batch root. Validated once, by {@link #validate()}.
 *
 * @param root the batch root; nothing outside it is read or written (but the videos a compare
 *     session or a run's run.json names, see {@code MediaFiles})
 * @param host interface to bind, {@value #LOOPBACK} unless asked otherwise
 * @param port TCP port, 0 for any free one
 * @param allowWrite enable the write routes (prune, export, annotations); off, they answer 403
 * @param landing the page the printed URL opens
 * @param compare the files of a {@code compare-ui} session, or null
 * @param scanInterval how often the root is scanned for new perf.json files
 * @param keepAlive how often idle event streams get a keepalive comment
 * @param maxUploadBytes the largest upload accepted at /api/uploads/, in bytes (with allowWrite)
 */
public record DashboardConfig(
    Path root,
    String host,
    int port,
    boolean allowWrite,
    Landing landing,
    CompareInputs compare,
    Duration scanInterval,
    Duration keepAlive,
    long maxUploadBytes) {

  public static final String LOOPBACK = "127.0.0.1";

  /** The upload size limit unless told otherwise: 16 GiB, a long 4K ride. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 16L << 30;

  /** The page a command starts on. */
  public enum Landing {
    DASHBOARD("/"),
    TELEMETRY("/telemetry"),
    COMPARE("/compare");

    private final String path;

    Landing(String path) {
      this.path = path;
    }

    public String path() {
      return path;
    }
  }

  /** Loopback, port 8760, read-only, the dashboard page; scans twice a second; 16 GiB uploads. */
  public static DashboardConfig of(Path root) {
    return new DashboardConfig(
        root,
        LOOPBACK,
        8760,
        false,
        Landing.DASHBOARD,
        null,
        Duration.ofMillis(500),
        Duration.ofSeconds(15),
        DEFAULT_MAX_UPLOAD_BYTES);
  }

  public DashboardConfig withHost(String h) {
    return new DashboardConfig(
        root, h, port, allowWrite, landing, compare, scanInterval, keepAlive, maxUploadBytes);
  }

  public DashboardConfig withPort(int p) {
    return new DashboardConfig(
        root, host, p, allowWrite, landing, compare, scanInterval, keepAlive, maxUploadBytes);
  }

  public DashboardConfig withAllowWrite(boolean w) {
    return new DashboardConfig(
        root, host, port, w, landing, compare, scanInterval, keepAlive, maxUploadBytes);
  }

  public DashboardConfig withLanding(Landing l) {
    return new DashboardConfig(
        root, host, port, allowWrite, l, compare, scanInterval, keepAlive, maxUploadBytes);
  }

  public DashboardConfig withCompare(CompareInputs c) {
    return new DashboardConfig(
        root, host, port, allowWrite, landing, c, scanInterval, keepAlive, maxUploadBytes);
  }

  public DashboardConfig withTimings(Duration scan, Duration alive) {
    return new DashboardConfig(
        root, host, port, allowWrite, landing, compare, scan, alive, maxUploadBytes);
  }

  public DashboardConfig withMaxUploadBytes(long bytes) {
    return new DashboardConfig(
        root, host, port, allowWrite, landing, compare, scanInterval, keepAlive, bytes);
  }

  /**
   * @throws IllegalArgumentException naming the first setting that is out of range
   */
  public DashboardConfig validate() {
    if (root == null) {
      throw new IllegalArgumentException("no root given");
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("--host must name an interface, e.g. " + LOOPBACK);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
    }
    if (scanInterval.isNegative() || scanInterval.isZero() || keepAlive.isNegative()) {
      throw new IllegalArgumentException("scan and keepalive intervals must be positive");
    }
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException(
          "--max-upload must be a positive size, got " + maxUploadBytes + " bytes");
    }
    return this;
  }

  /** Whether the server answers only on this machine. */
  public boolean loopbackOnly() {
    return host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1");
  }
}
