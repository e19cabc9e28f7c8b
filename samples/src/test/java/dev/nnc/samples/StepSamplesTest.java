package dev.nnc.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.StepJob;
import dev.nnc.compiler.run.JobRunner;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample with a custom step trains a few steps on the data shipped here: its reported values
 * stay finite (the trainer stops on any other), its {@code every} blocks draw their pictures, and
 * where the first reported value is a loss to minimize (autoencoders, the RBM's reconstruction
 * error), it falls. GANs have no loss that must fall: their two losses pull against each other.
 */
class StepSamplesTest {
  /** Steps per sample: enough for a loss to fall clearly, few enough for a 2-core CI machine. */
  private static final Map<String, Long> STEPS = Map.of("gan/mlp_gan.nn", 10L, "gan/dcgan.nn", 4L,
      "autoencoders/conv.nn", 80L, "energy/rbm.nn", 60L, "energy/dbn.nn", 150L);
  private static final Set<String> ADVERSARIAL = Set.of("gan/mlp_gan.nn", "gan/dcgan.nn");
  private static final int WINDOW = 5;

  @TempDir Path logs;

  @TestFactory
  Stream<DynamicTest> everyStepSampleTrains() {
    return Samples.all().stream()
        .map(sample -> Map.entry(sample, Samples.compile(sample)))
        .filter(checked -> !checked.getValue().program().stepJobs().isEmpty())
        .map(checked -> DynamicTest.dynamicTest(checked.getKey().toString(), () -> {
          Path sample = checked.getKey();
          Compilation c = checked.getValue();
          Set<String> exported = new HashSet<>();
          for (StepJob job : c.program().stepJobs()) {
            if (!exported.containsAll(restored(job))) {
              continue; // needs another sample's export first: see ganScoreJudgesGeneratedImages
            }
            if (job.acting() != null) {
              continue; // learns by acting, a few thousand steps: see cartpoleDqnActsLearnsAndReports
            }
            exported.addAll(job.exports().values());
            Path log = logs.resolve(job.decl().name().name());
            TrainResult result = train(c, job, STEPS.getOrDefault(sample.toString(), 30L), log, quiet());
            assertTrue(Files.exists(log.resolve("metrics.csv")));
            if (drawsPictures(job)) {
              assertFalse(pictures(log).isEmpty(), sample + " drew no picture");
            }
            List<Double> first = result.stepLosses();
            if (!ADVERSARIAL.contains(sample.toString()) && first.size() >= 2 * WINDOW) {
              double start = mean(first.subList(0, WINDOW));
              double end = mean(first.subList(first.size() - WINDOW, first.size()));
              assertTrue(end < start * 0.9, sample + ": " + job.reported().get(0) + " went from " + start + " to " + end);
            }
          }
        }));
  }

  /**
   * The CartPole DQN for 3,000 environment steps: past the warm-up it learns (a finite Huber loss
   * above 0), and every row reports the episodes' mean return and length and the falling epsilon.
   */
  @Test
  void cartpoleDqnActsLearnsAndReports() throws IOException {
    Compilation c = Samples.compile(Path.of("rl/cartpole_dqn.nn"));
    Path log = logs.resolve("cartpole_dqn");
    TrainResult result = train(c, c.program().stepJobs().get(0), 3000, log, quiet());
    assertEquals(3, result.epochs().size(), "a row per 1,000 environment steps");
    Map<String, Double> first = result.epochs().get(0).values();
    Map<String, Double> last = result.last().values();
    assertEquals(0.0, first.get("loss"), "no update during the warm-up of 1,000 steps");
    assertTrue(last.get("loss") > 0 && Double.isFinite(last.get("loss")), "loss " + last.get("loss"));
    // CartPole's episodes last at least 8 steps and at most 500; a random policy's mean about 22.
    assertInRange(last.get("episode_return"), 8, 500);
    assertEquals(last.get("episode_return"), last.get("episode_length"), 1e-9, "a reward of 1 per step");
    assertTrue(last.get("epsilon") < first.get("epsilon"), "epsilon falls: " + first.get("epsilon") + ", " + last.get("epsilon"));
    String csv = Files.readString(log.resolve("metrics.csv"));
    assertTrue(csv.lines().findFirst().orElseThrow().contains("episode_return"), csv);
  }

  @Test
  void hopfieldRecallsMostCorruptedPatterns() {
    Compilation c = Samples.compile(Path.of("energy/hopfield.nn"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    train(c, c.program().stepJobs().get(0), Long.MAX_VALUE, logs.resolve("hopfield"),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    Matcher recall = Pattern.compile("recall (\\d\\.\\d+)").matcher(printed.toString(StandardCharsets.UTF_8));
    assertTrue(recall.find(), printed::toString);
    assertTrue(Double.parseDouble(recall.group(1)) >= 0.8, "recall " + recall.group(1));
  }

  /**
   * The GAN's score job loads the generator and the Fashion CNN their own jobs export (here after a
   * few steps each), and judges generated images against real ones.
   */
  @Test
  void ganScoreJudgesGeneratedImages() {
    Compilation gan = Samples.compile(Path.of("gan/mlp_gan.nn"));
    train(gan, gan.program().stepJobs().get(0), 10, logs.resolve("gan"), quiet());
    Compilation cnn = Samples.compile(Path.of("fashion/cnn.nn"));
    JobRunner.run(cnn.program(), cnn.program().jobNames().get(0), List.of(),
        TrainOptions.builder().maxSteps(10).logDir(logs.resolve("cnn")).out(quiet()).build());
    Compilation score = Samples.compile(Path.of("gan/score.nn"));
    TrainResult result = train(score, score.program().stepJobs().get(0), Long.MAX_VALUE, logs.resolve("score"), quiet());
    Map<String, Double> values = result.last().values();
    for (String kind : List.of("fake", "real")) {
      assertInRange(values.get(kind + "_confidence"), 0.1, 1);
      assertInRange(values.get(kind + "_evenness"), 0, 1);
      assertInRange(values.get(kind + "_inception_score"), 1, 10);
    }
  }

  private static void assertInRange(double value, double lo, double hi) {
    assertTrue(value >= lo - 1e-6 && value <= hi + 1e-6, value + " is not in [" + lo + ", " + hi + "]");
  }

  private static boolean drawsPictures(StepJob job) {
    return job.every().stream().flatMap(e -> e.body().stream()).anyMatch(s -> s instanceof Ast.ExprStmt);
  }

  /** The exports a job's models start from; a file's jobs may build on each other's (a DBN's layers). */
  private static List<String> restored(StepJob job) {
    return job.models().stream().map(StepJob.JobModel::from).filter(java.util.Objects::nonNull).toList();
  }

  private static TrainResult train(Compilation c, StepJob job, long steps, Path log, PrintStream out) {
    TrainOptions options = TrainOptions.builder().maxSteps(steps).logDir(log).out(out).build();
    return JobRunner.run(c.program(), job.decl().name().name(), List.of(), options);
  }

  private static PrintStream quiet() {
    return new PrintStream(java.io.OutputStream.nullOutputStream());
  }

  private static List<Path> pictures(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".png")).toList();
    }
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
