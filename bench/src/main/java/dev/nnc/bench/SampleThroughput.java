package dev.nnc.bench;

import dev.nnc.runtime.train.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training throughput of any sample's train job, generated code only, on the device asked for: what
 * the CNN and ResNet figures on a GPU come from ({@code bench/run sample samples/fashion/resnet.nn
 * --device gpu}, with the GPU build). One run in one JVM: {@code warmup} untimed steps (graph
 * building, session start and the first steps, where a GPU also compiles its kernels), then
 * {@code segments} timed segments of {@code segment} steps, each timed from the trainer's request
 * of its first step to that of the next segment's (see {@link GeneratedJob}).
 */
final class SampleThroughput {
  private SampleThroughput() {}

  static void run(Path file, Path dataDir, Device device, int warmup, int segment, int segments) throws Exception {
    GeneratedJob job = GeneratedJob.compile(file, dataDir).on(device);
    int batch = job.spec().batch();
    System.out.printf("training throughput, %s (job %s), generated, on %s: batch %d; %d warm-up steps,"
        + " then %d segments of %d steps%n", file, job.spec().jobName(), device, batch, warmup, segments, segment);
    List<Double> rates = new ArrayList<>();
    long[] segmentStart = new long[1];
    job.run(warmup + (long) segments * segment + 1, step -> {
      if (step < warmup || (step - warmup) % segment != 0) {
        return;
      }
      long now = System.nanoTime();
      if (step > warmup) {
        rates.add(segment * (double) batch / ((now - segmentStart[0]) / 1e9));
        System.out.printf("  segment %2d  %10s examples/s%n", rates.size(), Results.fmt(rates.get(rates.size() - 1), 0));
        System.out.flush();
      }
      segmentStart[0] = now;
    }, Files.createTempDirectory("nnc-bench-"));
    System.out.printf("  median %s examples/s (min %s, max %s)%n", Results.fmt(Results.median(rates), 0),
        Results.fmt(Results.min(rates), 0), Results.fmt(Results.max(rates), 0));
  }
}
