package dev.nnc.bench;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.train.TrainSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The input pipeline of samples/fashion/mlp.nn (idx, map(image / 255), shuffle(60000), batch 100)
 * against the training step that consumes it, in one JVM, alternating. The pipeline is timed as the
 * trainer's prefetch thread runs it, {@code Dataset.batches(batch, seed, epoch)} over a whole epoch
 * (the epoch's shuffle included); training as in {@code Bench mlp}, the generated job's steps.
 */
final class PipelineBench {
  static final double REQUIRED_RATIO = 10;

  private PipelineBench() {}

  static void run(Path dataDir, int reps) throws Exception {
    GeneratedJob job = GeneratedJob.compile(Path.of("samples", "fashion", "mlp.nn"), dataDir);
    TrainSpec spec = job.spec();
    Dataset data = spec.data();
    int batch = spec.batch();
    int warmup = 300;
    int steps = 600;
    System.out.printf("input pipeline vs training, mlp.nn: %s, batch %d; pipeline over whole epochs (%d"
        + " batches), training %d timed steps after %d; %d rounds, alternating%n",
        data, batch, data.batchCount(batch), steps, warmup, reps);
    Path logDir = Files.createTempDirectory("nnc-bench-");
    int epoch = 0;
    // Warm-up of the pipeline's code (the trainer warms itself: its first steps are not timed).
    for (int i = 0; i < 10; i++) {
      epochOfBatches(data, batch, spec.seed(), epoch++);
    }
    List<Double> pipeline = new ArrayList<>();
    List<Double> training = new ArrayList<>();
    for (int rep = 0; rep < reps; rep++) {
      for (int k = 0; k < 2; k++) {
        boolean pipelineTurn = (rep % 2 == 0) == (k == 0);
        if (pipelineTurn) {
          pipeline.add(epochOfBatches(data, batch, spec.seed(), epoch++));
          System.out.printf("  round %d pipeline %10s batches/s%n", rep + 1, Results.fmt(pipeline.get(pipeline.size() - 1), 0));
        } else {
          double[] timed = job.train(warmup, steps, logDir);
          training.add(steps / (timed[0] / 1e9));
          System.out.printf("  round %d training %10s steps/s%n", rep + 1, Results.fmt(training.get(training.size() - 1), 0));
        }
        System.out.flush();
      }
    }
    double p = Results.median(pipeline);
    double t = Results.median(training);
    System.out.printf("  medians: pipeline %s batches/s (%s examples/s), training %s steps/s (%s examples/s)%n",
        Results.fmt(p, 0), Results.fmt(p * batch, 0), Results.fmt(t, 0), Results.fmt(t * batch, 0));
    System.out.printf("  ratio pipeline / training: %.1f (required >= %.0f): %s%n", p / t, REQUIRED_RATIO,
        p / t >= REQUIRED_RATIO ? "ok" : "TOO SLOW");
  }

  /** Batches per second over one epoch, as the prefetch thread gathers them. */
  private static double epochOfBatches(Dataset data, int batch, long seed, int epoch) {
    long start = System.nanoTime();
    Iterator<Batch> batches = data.batches(batch, seed, epoch);
    int count = 0;
    double sink = 0;
    while (batches.hasNext()) {
      Batch b = batches.next();
      sink += b.floats("image")[0] + b.ints("label")[b.size() - 1];
      count++;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (Double.isNaN(sink)) {
      throw new IllegalStateException("NaN in the data");
    }
    return count / seconds;
  }
}
