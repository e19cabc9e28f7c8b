package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.train.EarlyStopping.Goal;
import dev.nnc.runtime.train.EarlyStopping.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class EarlyStoppingTest {
  @TempDir Path dir;

  /** The verdicts on {@code values}, one per epoch, until the first STOP. */
  private static List<Verdict> verdicts(EarlyStopping stopping, double... values) {
    EarlyStopping.Watch watch = stopping.watch();
    List<Verdict> verdicts = new ArrayList<>();
    for (int epoch = 0; epoch < values.length; epoch++) {
      verdicts.add(watch.observe(epoch, values[epoch]));
      if (verdicts.get(epoch) == Verdict.STOP) {
        break;
      }
    }
    return verdicts;
  }

  @Test
  void stopsAfterPatienceEpochsWithoutImprovement() {
    EarlyStopping stopping = new EarlyStopping("val_loss", Goal.MINIMIZE, 2, 0, false);

    assertEquals(List.of(Verdict.IMPROVED, Verdict.IMPROVED, Verdict.WAITING, Verdict.IMPROVED,
            Verdict.WAITING, Verdict.STOP),
        verdicts(stopping, 1.0, 0.8, 0.9, 0.7, 0.7, 0.75, 0.1));
  }

  @Test
  void anImprovementMustBeatMinDelta() {
    EarlyStopping stopping = new EarlyStopping("val_loss", Goal.MINIMIZE, 1, 0.05, false);

    assertEquals(List.of(Verdict.IMPROVED, Verdict.STOP), verdicts(stopping, 1.0, 0.96, 0.5));
  }

  @Test
  void accuracyMustRise() {
    EarlyStopping stopping = new EarlyStopping("val_accuracy", Goal.MAXIMIZE, 1, 0, false);

    assertEquals(List.of(Verdict.IMPROVED, Verdict.IMPROVED, Verdict.STOP),
        verdicts(stopping, 0.5, 0.6, 0.4, 0.9));
  }

  @Test
  void theFirstEpochNeverStops() {
    // As in Keras: with a patience of 0 a NaN first epoch is no improvement, yet no reason to stop.
    EarlyStopping stopping = new EarlyStopping("loss", Goal.MINIMIZE, 0, 0, false);

    assertEquals(List.of(Verdict.WAITING, Verdict.IMPROVED, Verdict.STOP),
        verdicts(stopping, Double.NaN, 1.0, 1.0));
  }

  /**
   * SGD at rate 0.1 with loss w: w is -0.1, -0.2, -0.3, -0.4 after each epoch's one step, so the
   * validation distance |w + 0.22| is 0.12, 0.02, 0.08, 0.18: best after the second epoch.
   */
  static TrainSpec.Builder distanceSpec(boolean restoreBest, Path export) {
    TensorFunction distance = (net, values) -> net.tf().math.abs(
        net.tf().math.add(Probe.sum(net, values), net.tf().constant(0.22f)));
    return Probe.spec(Probe.linear(1), 0)
        .optimizer(Probe.sgd(LearningRate.constant(0.1)))
        .validate(Probe.records(1))
        .metric("distance", distance)
        .epochs(20)
        .stop(new EarlyStopping("val_distance", Goal.MINIMIZE, 2, 0, restoreBest))
        .export(export.toString());
  }

  private TrainResult distanceRun(boolean restoreBest, Path export, PrintStream out) {
    return Trainer.run(distanceSpec(restoreBest, export).build(),
        TrainOptions.builder().logDir(dir).out(out).build());
  }

  @Test
  void stopsAtTheExpectedEpochAndRestoresTheBestWeights() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path export = dir.resolve("model");
    TrainResult result = distanceRun(true, export, new PrintStream(bytes, true, StandardCharsets.UTF_8));

    assertArrayEquals(new double[] {0.12, 0.02, 0.08, 0.18}, Probe.perEpoch(result, "val_distance"), 1e-6);
    assertEquals(-0.2, exportedKernel(export), 1e-6);
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("stopping early: val_distance has not improved for 2 epochs (epoch 2, val_distance 0.0200)",
        lines.get(4));
    assertEquals("restored the weights of the best epoch (epoch 2, val_distance 0.0200)", lines.get(5));
  }

  @Test
  void keepsTheLastWeightsUnlessAskedToRestore() {
    Path export = dir.resolve("model");
    TrainResult result = distanceRun(false, export, new PrintStream(new ByteArrayOutputStream()));

    assertEquals(4, result.epochs().size());
    assertEquals(-0.4, exportedKernel(export), 1e-6);
  }

  static double exportedKernel(Path export) {
    try (SavedModelBundle bundle = SavedModelBundle.load(export.toString(), "serve");
        TFloat32 x = TFloat32.tensorOf(Shape.of(1, 1));
        Result output = bundle.function("serving_default").call(Map.of("x", x))) {
      return ((TFloat32) output.get("w").orElseThrow()).getFloat(0);
    }
  }

  @Test
  void aMonitorMustBeReported() {
    TrainSpec.Builder spec = Probe.spec(Probe.linear(1), 0)
        .stop(new EarlyStopping("val_loss", Goal.MINIMIZE, 3, 0, true));

    TrainException e = assertThrows(TrainException.class, spec::build);
    assertEquals("job probe: early stopping monitors 'val_loss', which is not reported; "
        + "the values are [loss]", e.getMessage());
  }
}
