package dev.nnc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training throughput of the generated code against the hand-written TF Java, side by side in one
 * JVM, in short alternating segments: the generated job runs in {@link dev.nnc.runtime.train.Trainer}
 * (the real path, see {@link GeneratedJob}), and at every segment boundary the hook that the trainer
 * calls before a step hands the thread to the hand-written network for a segment of its own steps.
 * So each generated segment has a hand-written neighbour that ran under the same load a moment
 * before, which matters on a machine shared with other work; the medians and the per-pair ratios are
 * reported. Both first train {@code warmup} steps untimed (graph building and session start are
 * before that); while one runs, the other waits (the trainer's prefetch thread has its queue full).
 */
final class Throughput {
  private Throughput() {}

  static void run(String model, Path dataDir, int warmup, int segment, int segments) throws Exception {
    System.out.printf("training throughput, %s.nn: generated (Trainer.run) vs hand-written TF Java, batch %d;"
        + " %d warm-up steps each, then %d alternating segments of %d steps each%n",
        model, Trial.BATCH, warmup, segments, segment);
    GeneratedJob job = GeneratedJob.compile(Path.of("samples", "fashion", model + ".nn"), dataDir);
    FashionMnist data = FashionMnist.train(dataDir);
    List<Double> gen = new ArrayList<>();
    List<Double> hand = new ArrayList<>();
    List<Double> genCpu = new ArrayList<>();
    List<Double> handCpu = new ArrayList<>();
    try (HandWritten handWritten = HandWritten.build(model, data, Trial.BATCH)) {
      long[] genStart = new long[2];
      job.run(warmup + (long) segments * segment + 1, step -> {
        if (step < warmup || (step - warmup) % segment != 0) {
          return;
        }
        long now = System.nanoTime();
        long cpuNow = Results.processCpuNanos();
        int index = (int) ((step - warmup) / segment);
        if (index == 0) {
          for (int i = 0; i < warmup; i++) {
            handWritten.step();
          }
        } else {
          gen.add(segment * (double) Trial.BATCH / ((now - genStart[0]) / 1e9));
          genCpu.add(segment * (double) Trial.BATCH / ((cpuNow - genStart[1]) / 1e9));
          System.out.printf("  segment %2d  hand %8s  generated %8s examples/s   (ratio %.3f)%n", index,
              Results.fmt(hand.get(index - 1), 0), Results.fmt(gen.get(index - 1), 0),
              gen.get(index - 1) / hand.get(index - 1));
          System.out.flush();
        }
        if (index < segments) {
          long start = System.nanoTime();
          long cpuStart = Results.processCpuNanos();
          for (int i = 0; i < segment; i++) {
            handWritten.step();
          }
          long end = System.nanoTime();
          hand.add(segment * (double) Trial.BATCH / ((end - start) / 1e9));
          handCpu.add(segment * (double) Trial.BATCH / ((Results.processCpuNanos() - cpuStart) / 1e9));
          genStart[0] = System.nanoTime();
          genStart[1] = Results.processCpuNanos();
        }
      }, Files.createTempDirectory("nnc-bench-"));
    }
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < gen.size(); i++) {
      ratios.add(gen.get(i) / hand.get(i));
    }
    double g = Results.median(gen);
    double h = Results.median(hand);
    System.out.printf("  medians: generated %s examples/s (%s per CPU-second), hand-written %s examples/s (%s per CPU-second)%n",
        Results.fmt(g, 0), Results.fmt(Results.median(genCpu), 0), Results.fmt(h, 0),
        Results.fmt(Results.median(handCpu), 0));
    System.out.printf("  ratio generated / hand-written: %.3f (of the medians), %.3f (median of the per-segment ratios,"
            + " min %.3f, max %.3f), %.3f per CPU-second; goal >= 0.97%n",
        g / h, Results.median(ratios), Results.min(ratios), Results.max(ratios),
        Results.median(genCpu) / Results.median(handCpu));
  }
}
