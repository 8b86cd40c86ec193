package dev.mtbsync.telemetry;

import java.lang.management.ManagementFactory;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * This process's CPU time and resident memory. CPU time comes from the JVM's own count (exact, and
 * cheap enough to read on the caller's thread), with OSHI's as a fallback; resident memory comes
 * from OSHI, whose first use costs a few hundred milliseconds (so it is only read on the sampler's
 * thread).
 */
final class ProcessProbe {

  /** OSHI's entry point is costly to build (it probes the platform): one per process. */
  private static volatile OperatingSystem os;

  private ProcessProbe() {}

  /** CPU time (user + system) of this process so far by the JVM's count, in ns, or -1. */
  static long jvmCpuNanos() {
    try {
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean sun) {
        return Math.max(-1, sun.getProcessCpuTime());
      }
    } catch (Throwable e) {
      // a JVM without the count
    }
    return -1;
  }

  /**
   * CPU time and resident memory read together.
   *
   * @param cpuMillis CPU time (user + system) of this process so far by OSHI, in ms, or -1
   * @param rssMb resident set size in MB (10^6 bytes), or null when unreadable
   */
  record Sample(long cpuMillis, Double rssMb) {}

  /** Both figures from one look at the process: OSHI reads several /proc files for each look. */
  static Sample sample() {
    try {
      OSProcess p = system().getCurrentProcess();
      if (p == null) {
        return new Sample(-1, null);
      }
      long bytes = p.getResidentMemory();
      return new Sample(p.getUserTime() + p.getKernelTime(), bytes > 0 ? bytes / 1e6 : null);
    } catch (Throwable e) {
      return new Sample(-1, null);
    }
  }

  /** CPU time (user + system) of this process so far by OSHI, in ms, or -1 when unreadable. */
  static long oshiCpuMillis() {
    return sample().cpuMillis();
  }

  /** Resident set size of this process in MB (10^6 bytes), or null when unreadable. */
  static Double rssMb() {
    return sample().rssMb();
  }

  private static OperatingSystem system() {
    OperatingSystem s = os;
    if (s == null) {
      synchronized (ProcessProbe.class) {
        s = os;
        if (s == null) {
          s = new SystemInfo().getOperatingSystem();
          os = s;
        }
      }
    }
    return s;
  }
}
