package dev.nnc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One measurement in a JVM of its own, started by {@link Bench}: trains one network one way for
 * {@code warmup + steps} steps and prints one {@code RESULT key=value...} line with the examples per
 * second of the timed steps and the process's peak resident memory.
 *
 * <pre>Trial generated|hand mlp|cnn WARMUP STEPS DATA_DIR</pre>
 */
public final class Trial {
  static final int BATCH = 100;

  /**
   * The Java heap in use right after the last collection, which ran during training (nothing is
   * collected between the last step and here): what the heap held then, garbage in the old
   * generation included. The rest of the peak RSS is native memory (TensorFlow, the JVM's own) and
   * heap the collector had grown into.
   */
  static double heapAfterLastGcMb() {
    long used = 0;
    long latest = -1;
    for (var bean : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (bean instanceof com.sun.management.GarbageCollectorMXBean gc && gc.getLastGcInfo() != null) {
        var info = gc.getLastGcInfo();
        if (info.getEndTime() > latest) {
          latest = info.getEndTime();
          used = info.getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        }
      }
    }
    return latest < 0 ? Double.NaN : used / 1048576.0;
  }

  public static void main(String[] args) throws Exception {
    String impl = args[0];
    String model = args[1];
    int warmup = Integer.parseInt(args[2]);
    int steps = Integer.parseInt(args[3]);
    Path dataDir = Path.of(args[4]);
    long start = System.nanoTime();
    double[] timed;
    switch (impl) {
      case "generated" -> {
        GeneratedJob job = GeneratedJob.compile(Path.of("samples", "fashion", model + ".nn"), dataDir);
        Path logDir = Files.createTempDirectory("nnc-bench-");
        timed = job.train(warmup, steps, logDir);
      }
      case "hand" -> {
        FashionMnist data = FashionMnist.train(dataDir);
        try (HandWritten net = HandWritten.build(model, data, BATCH)) {
          timed = net.train(warmup, steps);
        }
      }
      default -> throw new IllegalArgumentException("no implementation " + impl);
    }
    double seconds = timed[0] / 1e9;
    double wall = (System.nanoTime() - start) / 1e9;
    double peak = Results.procStatusMb("VmHWM");
    double rssEnd = Results.procStatusMb("VmRSS");
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.println(Results.line(
        "impl", impl, "model", model, "steps", steps,
        "examples_per_s", steps * BATCH / seconds, "step_ms", 1000 * seconds / steps,
        "examples_per_cpu_s", steps * BATCH / (timed[3] / 1e9), "cpu_load", timed[3] / timed[0],
        "loss", timed[1], "wall_s", wall, "vmhwm_mb", peak, "rss_start_mb", timed[2],
        "vmrss_mb", rssEnd, "heap_after_gc_mb", heapAfterLastGcMb(),
        "heap_committed_mb", heap.getCommitted() / 1048576.0));
  }
}
