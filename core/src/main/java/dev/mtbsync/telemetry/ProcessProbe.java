package dev.mtbsync.telemetry;

import java.lang.management.ManagementFactory;
import oshi.SystemInfo;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * This process's CPU time and resident memory, read with OSHI. CPU time falls back to the JVM's own
 * count when OSHI cannot read the process; resident memory has no fallback (null).
 */
final class ProcessProbe {

  /** OSHI's entry point is costly to build (it probes the platform): one per process. */
  private static volatile OperatingSystem os;

  private ProcessProbe() {}

  /** CPU time (user + system) of this process so far, in ms, or -1 when unreadable. */
  static long cpuMillis() {
    try {
      OSProcess p = system().getCurrentProcess();
      if (p != null) {
        return p.getUserTime() + p.getKernelTime();
      }
    } catch (Throwable e) {
      // fall through to the JVM's count
    }
    try {
      if (ManagementFactory.getOperatingSystemMXBean()
          instanceof com.sun.management.OperatingSystemMXBean sun) {
        long nanos = sun.getProcessCpuTime();
        return nanos < 0 ? -1 : nanos / 1_000_000;
      }
    } catch (Throwable e) {
      // no count at all
    }
    return -1;
  }

  /** Resident set size of this process in MB (10^6 bytes), or null when unreadable. */
  static Double rssMb() {
    try {
      OSProcess p = system().getCurrentProcess();
      long bytes = p == null ? 0 : p.getResidentMemory();
      return bytes > 0 ? bytes / 1e6 : null;
    } catch (Throwable e) {
      return null;
    }
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
