package dev.mtbsync.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TelemetrySamplerTest {

  /** OSHI's first use takes a few hundred ms: pay it here, so the tests time the sampler. */
  @BeforeAll
  static void warmUpOshi() {
    assertThat(ProcessProbe.rssMb()).isPositive();
  }

  /** Keeps one core busy for about {@code millis}. */
  private static long spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000L;
    long x = 0;
    while (System.nanoTime() < end) {
      x += x * 31 + 7;
    }
    return x;
  }

  /**
   * Runs {@code config} over {@code millis} of spinning; returns what the sampler measured and, as
   * the truth to hold it to, the spinning thread's own CPU over the same span (percent of one
   * core). The thread's own share, not 100%, because a loaded machine lends it less than a core.
   */
  private static double[] busy(TelemetryConfig config, long millis) {
    var threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    ResourceUse use;
    try (TelemetrySampler t = TelemetrySampler.start(config, () -> GpuProbe.NONE)) {
      spin(millis);
      use = t.finish();
    }
    double own = 100.0 * (threads.getCurrentThreadCpuTime() - cpu0) / (System.nanoTime() - wall0);
    assertThat(use.cpuPct()).as("CPU measured").isNotNull();
    return new double[] {use.cpuPct(), own, use.rssMb() == null ? -1 : use.rssMb()};
  }

  /** At least this thread's share (allowing for timer grain), at most every core busy. */
  private static void assertCpu(double[] measured) {
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(measured[0])
        .as("process CPU %% against this thread's own %.0f%%", measured[1])
        .isBetween(0.8 * measured[1], 100.0 * cores + 10);
  }

  @Test
  void measuresTheCpuAndMemoryOfABusyProcess() {
    double[] m = busy(new TelemetryConfig(false, 100, 1000), 600);
    assertCpu(m);
    assertThat(m[2]).as("a JVM's resident memory (MB)").isBetween(10.0, 100_000.0);
  }

  @Test
  void cpuCoversTheWholeSpanEvenWhenNoSampleWasTaken() {
    // a sample a minute and no wait at the end: CPU comes from the JVM's count alone
    assertCpu(busy(new TelemetryConfig(false, 60_000, 0), 300));
  }

  @Test
  void reportsGpuFiguresFromItsProbe() {
    GpuProbe probe = () -> new GpuProbe.Reading(40.0, 1234.0);
    ResourceUse use;
    try (TelemetrySampler t =
        TelemetrySampler.start(new TelemetryConfig(true, 50, 1000), () -> probe)) {
      spin(200);
      use = t.finish();
    }
    assertThat(use.gpuUtil()).isEqualTo(40.0);
    assertThat(use.gpuMemMb()).isEqualTo(1234.0);
  }

  @Test
  void noGpuNeverCallsTheProbe() {
    GpuProbe probe =
        () -> {
          throw new AssertionError("probed with --no-gpu");
        };
    try (TelemetrySampler t =
        TelemetrySampler.start(new TelemetryConfig(false, 50, 1000), () -> probe)) {
      spin(150);
      assertThat(t.finish().gpuUtil()).isNull();
    }
  }

  @Test
  void aHangingProbeCostsTheWorkAtMostTheStopWait() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    GpuProbe hangs =
        () -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return null;
        };
    try (TelemetrySampler t =
        TelemetrySampler.start(new TelemetryConfig(true, 50, 200), () -> hangs)) {
      spin(300);
      long start = System.nanoTime();
      ResourceUse use = t.finish();
      double waited = (System.nanoTime() - start) / 1e6;
      assertThat(waited).as("ms waited for the stuck probe").isLessThan(1000);
      assertThat(use.gpuUtil()).isNull();
      assertThat(use.rssMb()).as("figures read before the probe stuck").isNotNull();
    } finally {
      release.countDown();
    }
  }

  @Test
  void aFailingProbeLeavesItsFiguresNull() {
    GpuProbe fails =
        () -> {
          throw new IllegalStateException("driver gone");
        };
    try (TelemetrySampler t =
        TelemetrySampler.start(new TelemetryConfig(true, 50, 1000), () -> fails)) {
      spin(200);
      ResourceUse use = t.finish();
      assertThat(use.gpuUtil()).isNull();
      assertThat(use.cpuPct()).isNotNull();
    }
  }

  @Test
  void nvmlWithoutADriverHasNoReading() {
    GpuProbe probe = NvmlGpuProbe.open();
    if (probe == GpuProbe.NONE) {
      assertThat(probe.read()).isNull();
    } else {
      GpuProbe.Reading r = probe.read();
      assertThat(r).as("a machine with an NVIDIA driver").isNotNull();
      assertThat(r.memUsedMb()).isGreaterThanOrEqualTo(0.0);
    }
  }
}
