package dev.nnc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.run.JobRunner;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every sample's train job runs, on the data shipped in the repository, and its loss falls. */
class SampleTrainingTest {
  /** Steps per sample: enough for the loss to fall clearly, few enough for a 2-core CI machine. */
  private static final Map<String, Long> STEPS =
      Map.of("fashion/cnn.nn", 24L, "fashion/mlp.nn", 60L, "fashion/gru.nn", 40L, "fashion/resnet.nn", 20L,
          "text/char_lm.nn", 60L, "mnist/cnn.nn", 20L, "fashion/bn_cnn.nn", 20L,
          "capsules/capsnet.nn", 20L, "fashion/vit.nn", 20L);
  private static final int WINDOW = 5;

  @TempDir Path logs;

  @TestFactory
  Stream<DynamicTest> everySampleTrainsAndItsLossFalls() {
    return Samples.all().stream().map(sample -> DynamicTest.dynamicTest(sample.toString(), () -> {
      Compilation c = Samples.compile(sample);
      for (Job job : c.program().jobs()) {
        long steps = STEPS.getOrDefault(sample.toString(), 200L);
        TrainResult result = train(c, job, steps);
        List<Double> losses = result.stepLosses();
        assertTrue(losses.size() >= 2 * WINDOW, sample + " ran only " + losses.size() + " steps");
        double first = mean(losses.subList(0, WINDOW));
        double last = mean(losses.subList(losses.size() - WINDOW, losses.size()));
        assertTrue(last < first * 0.9, sample + ": loss went from " + first + " to " + last);
        assertTrue(Files.exists(logs.resolve(job.decl().name().name()).resolve("metrics.csv")));
      }
    }));
  }

  @Test
  void xorReachesFullAccuracy() {
    Compilation c = Samples.compile(Path.of("xor.nn"));
    TrainResult result = train(c, c.program().jobs().get(0), Long.MAX_VALUE);
    assertEquals(1.0, result.last().value("accuracy"), 1e-9, "xor accuracy after " + result.epochs().size() + " epochs");
  }

  private TrainResult train(Compilation c, Job job, long steps) {
    TrainOptions options = TrainOptions.builder()
        .maxSteps(steps)
        .logDir(logs.resolve(job.decl().name().name()))
        .out(new PrintStream(OutputStream.nullOutputStream()))
        .build();
    return JobRunner.run(c.program(), job.decl().name().name(), List.of(), options);
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
