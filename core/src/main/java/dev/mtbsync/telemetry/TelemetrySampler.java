package dev.mtbsync.telemetry;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Measures this process's resource use while a piece of work runs: its CPU time over the wall time
 * from {@link #start} to {@link #finish}, and, sampled on a daemon thread, the peak resident memory
 * and, unless told not to, the GPUs' utilisation and memory through NVML.
 *
 * <p>DESIGN NOTE: telemetry must never slow or break a sync. Every probe runs on the sampler's own
 * thread and every failure there becomes a null figure; {@link #finish()} waits at most {@link
 * TelemetryConfig#stopWaitMs()} for the last sample and otherwise reports what it has.
 *
 * <pre>{@code
 * try (TelemetrySampler t = TelemetrySampler.start(TelemetryConfig.DEFAULT)) {
 *   work();
 *   ResourceUse use = t.finish();
 * }
 * }</pre>
 */
public final class TelemetrySampler implements AutoCloseable {

  private final TelemetryConfig config;
  private final Supplier<GpuProbe> gpu;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);

  private final long jvmCpuStart = ProcessProbe.jvmCpuNanos();
  private final long wallStart = System.nanoTime();

  // guarded by this; OSHI's CPU count over the sampled span, used when the JVM has none
  private long cpuStartMs = -1;
  private long wallStartNanos;
  private long cpuLastMs = -1;
  private long wallLastNanos;
  private Double rssPeakMb;
  private double gpuUtilSum;
  private int gpuUtilSamples;
  private Double gpuMemPeakMb;

  private TelemetrySampler(TelemetryConfig config, Supplier<GpuProbe> gpu) {
    this.config = config.validate();
    this.gpu = config.gpu() ? gpu : () -> GpuProbe.NONE;
  }

  /** Starts sampling now. Never throws for want of a probe. */
  public static TelemetrySampler start(TelemetryConfig config) {
    return start(config, NvmlGpuProbe::shared);
  }

  static TelemetrySampler start(TelemetryConfig config, Supplier<GpuProbe> gpu) {
    TelemetrySampler s = new TelemetrySampler(config, gpu);
    Thread t = new Thread(s::loop, "mtbsync-telemetry");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return s;
  }

  private void loop() {
    try {
      long cpu = ProcessProbe.oshiCpuMillis();
      long now = System.nanoTime();
      synchronized (this) {
        cpuStartMs = cpu;
        wallStartNanos = now;
      }
      do {
        sample();
      } while (!stop.await(config.intervalMs(), TimeUnit.MILLISECONDS));
      sample(); // the end of the work
    } catch (Throwable e) {
      // an unreadable figure stays null; the work goes on
    } finally {
      stopped.countDown();
    }
  }

  private void sample() {
    ProcessProbe.Sample process = ProcessProbe.sample();
    long now = System.nanoTime();
    long cpu = process.cpuMillis();
    Double rss = process.rssMb();
    synchronized (this) {
      if (cpu >= 0) {
        cpuLastMs = cpu;
        wallLastNanos = now;
      }
      if (rss != null) {
        rssPeakMb = rssPeakMb == null ? rss : Math.max(rssPeakMb, rss);
      }
    }
    GpuProbe.Reading g;
    try {
      g = gpu.get().read();
    } catch (RuntimeException | LinkageError e) {
      g = null; // this sample has no GPU figures; the next may
    }
    if (g == null) {
      return;
    }
    synchronized (this) {
      if (g.utilPct() != null) {
        gpuUtilSum += g.utilPct();
        gpuUtilSamples++;
      }
      if (g.memUsedMb() != null) {
        gpuMemPeakMb = gpuMemPeakMb == null ? g.memUsedMb() : Math.max(gpuMemPeakMb, g.memUsedMb());
      }
    }
  }

  /**
   * Stops sampling and returns the figures: CPU from start to now, peak RSS, mean GPU utilisation
   * and peak GPU memory. Waits at most {@link TelemetryConfig#stopWaitMs()} for the last sample.
   */
  public ResourceUse finish() {
    stop.countDown();
    try {
      stopped.await(config.stopWaitMs(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return snapshot();
  }

  /** The figures so far, without stopping. */
  public synchronized ResourceUse snapshot() {
    long jvmCpu = ProcessProbe.jvmCpuNanos();
    long wall = System.nanoTime() - wallStart;
    Double cpuPct = null;
    if (jvmCpuStart >= 0 && jvmCpu >= jvmCpuStart && wall > 1_000_000L) {
      cpuPct = 100.0 * (jvmCpu - jvmCpuStart) / wall;
    } else if (cpuStartMs >= 0
        && cpuLastMs >= cpuStartMs
        && wallLastNanos - wallStartNanos >= 20_000_000L) {
      cpuPct = 100.0 * (cpuLastMs - cpuStartMs) * 1e6 / (wallLastNanos - wallStartNanos);
    }
    Double gpuUtil = gpuUtilSamples == 0 ? null : gpuUtilSum / gpuUtilSamples;
    return new ResourceUse(cpuPct, rssPeakMb, gpuUtil, gpuMemPeakMb);
  }

  /** Stops sampling without waiting. */
  @Override
  public void close() {
    stop.countDown();
  }
}
