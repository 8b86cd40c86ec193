package dev.mtbsync.telemetry;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * GPU use read through NVIDIA's management library (libnvidia-ml, installed with the driver), bound
 * with JNA (which OSHI brings). Utilisation is that of the busiest GPU, memory the sum over all.
 *
 * <p>DESIGN NOTE: the library is opened once per process, on a daemon thread of its own, so a
 * missing or wedged driver can never hold up a sync; until it is open, and forever when it fails,
 * the probe has no reading.
 */
final class NvmlGpuProbe implements GpuProbe {

  private static final int NVML_SUCCESS = 0;

  /** The C functions used, as named in nvml.h. */
  interface Nvml extends Library {
    int nvmlInit_v2();

    int nvmlDeviceGetCount_v2(IntByReference count);

    int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

    /** {@code nvmlUtilization_t}: unsigned int gpu, memory (percent). */
    int nvmlDeviceGetUtilizationRates(Pointer device, int[] utilization);

    /** {@code nvmlMemory_t}: unsigned long long total, free, used (bytes). */
    int nvmlDeviceGetMemoryInfo(Pointer device, long[] memory);
  }

  private static final CompletableFuture<GpuProbe> SHARED = new CompletableFuture<>();
  private static volatile boolean started;

  private final Nvml nvml;
  private final List<Pointer> devices;

  private NvmlGpuProbe(Nvml nvml, List<Pointer> devices) {
    this.nvml = nvml;
    this.devices = devices;
  }

  /**
   * The process's probe: {@link GpuProbe#NONE} until the library is open, and for good when there
   * is no NVIDIA driver or GPU.
   */
  static GpuProbe shared() {
    if (!started) {
      synchronized (NvmlGpuProbe.class) {
        if (!started) {
          started = true;
          Thread t = new Thread(() -> SHARED.complete(open()), "mtbsync-nvml-open");
          t.setDaemon(true);
          t.start();
        }
      }
    }
    return SHARED.getNow(NONE);
  }

  /** Opens NVML and lists the GPUs; {@link GpuProbe#NONE} on any failure. */
  static GpuProbe open() {
    try {
      Nvml nvml = load();
      if (nvml == null || nvml.nvmlInit_v2() != NVML_SUCCESS) {
        return NONE;
      }
      IntByReference count = new IntByReference();
      if (nvml.nvmlDeviceGetCount_v2(count) != NVML_SUCCESS || count.getValue() <= 0) {
        return NONE;
      }
      List<Pointer> devices = new ArrayList<>();
      for (int i = 0; i < count.getValue(); i++) {
        PointerByReference device = new PointerByReference();
        if (nvml.nvmlDeviceGetHandleByIndex_v2(i, device) == NVML_SUCCESS) {
          devices.add(device.getValue());
        }
      }
      return devices.isEmpty() ? NONE : new NvmlGpuProbe(nvml, List.copyOf(devices));
    } catch (Throwable e) { // no JNA dispatch library, no driver, a driver of another ABI
      return NONE;
    }
  }

  private static Nvml load() {
    for (String name : new String[] {"nvidia-ml", "libnvidia-ml.so.1"}) {
      try {
        return Native.load(name, Nvml.class);
      } catch (UnsatisfiedLinkError absent) {
        // try the next name: distributions often ship only the versioned file
      }
    }
    return null;
  }

  @Override
  public Reading read() {
    try {
      Double util = null;
      Double mem = null;
      for (Pointer device : devices) {
        int[] u = new int[2];
        if (nvml.nvmlDeviceGetUtilizationRates(device, u) == NVML_SUCCESS) {
          util = util == null ? u[0] : Math.max(util, u[0]);
        }
        long[] m = new long[3];
        if (nvml.nvmlDeviceGetMemoryInfo(device, m) == NVML_SUCCESS) {
          mem = (mem == null ? 0 : mem) + m[2] / 1e6;
        }
      }
      return util == null && mem == null ? null : new Reading(util, mem);
    } catch (Throwable e) {
      return null;
    }
  }
}
