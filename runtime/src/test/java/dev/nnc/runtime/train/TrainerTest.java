package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.optimizers.AdaDelta;
import dev.nnc.runtime.train.optimizers.AdaGrad;
import dev.nnc.runtime.train.optimizers.Adam;
import dev.nnc.runtime.train.optimizers.Adamax;
import dev.nnc.runtime.train.optimizers.Momentum;
import dev.nnc.runtime.train.optimizers.Nadam;
import dev.nnc.runtime.train.optimizers.RmsProp;
import dev.nnc.runtime.train.optimizers.Sgd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class TrainerTest {
  @TempDir Path dir;

  private TrainOptions quiet() {
    return TrainOptions.builder().logDir(dir).quiet(true).build();
  }

  @Test
  void trainsXorToFullAccuracy() {
    TrainResult result = Trainer.run(Xor.spec().build(), quiet());

    assertTrue(result.last().loss() < 0.05, "final loss " + result.last().loss());
    assertEquals(1.0, result.last().value("accuracy"));
    assertEquals(20 * 8, result.stepLosses().size());
    assertTrue(mean(result.stepLosses(), 150, 160) < mean(result.stepLosses(), 0, 10) / 5);
  }

  @Test
  void writesOneCsvRowPerEpochInKerasLayout() throws IOException {
    TrainResult result = Trainer.run(Xor.spec().validate(Xor.data(1)).epochs(3).build(), quiet());

    List<String> lines = Files.readAllLines(dir.resolve("metrics.csv"));
    assertEquals("epoch,loss,accuracy,val_loss,val_accuracy", lines.get(0));
    assertEquals(4, lines.size());
    for (int epoch = 0; epoch < 3; epoch++) {
      String[] cells = lines.get(epoch + 1).split(",");
      assertEquals(String.valueOf(epoch), cells[0]);
      assertEquals(result.epochs().get(epoch).value("val_loss"), Double.parseDouble(cells[3]));
    }
  }

  @Test
  void printsOneProgressLinePerEpoch() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Trainer.run(Xor.spec().validate(Xor.data(1)).epochs(2).build(),
        TrainOptions.builder().logDir(dir).out(out).build());

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(2, lines.size(), lines.toString());
    String figure = " \\d+\\.\\d{4}";
    assertTrue(lines.get(1).matches("epoch 2/2  loss" + figure + "  accuracy" + figure
        + "  val_loss" + figure + "  val_accuracy" + figure + "  \\d+\\.\\ds  [\\d,]+ examples/s"),
        lines.get(1));
  }

  @Test
  void sameSeedGivesSameStepLosses() {
    // Seed 0 too must fix every random op: TF's random ops take a seed of 0 as "use the clock".
    TrainSpec spec = Xor.spec().seed(0).build();
    TrainOptions options = TrainOptions.builder().logDir(dir).quiet(true).maxSteps(30).build();
    TrainOptions otherSeed =
        TrainOptions.builder().logDir(dir).quiet(true).maxSteps(30).seed(8).build();

    List<Double> first = Trainer.run(spec, options).stepLosses();
    assertEquals(30, first.size());
    assertEquals(first, Trainer.run(spec, options).stepLosses());
    assertNotEquals(first, Trainer.run(spec, otherSeed).stepLosses());
  }

  @Test
  void sameSeedWritesTheSameMetrics() throws IOException {
    TrainSpec spec = Xor.spec().validate(Xor.data(1)).epochs(3).build();
    Trainer.run(spec, TrainOptions.builder().logDir(dir.resolve("a")).quiet(true).build());
    Trainer.run(spec, TrainOptions.builder().logDir(dir.resolve("b")).quiet(true).build());

    assertEquals(Files.readString(dir.resolve("a/metrics.csv")),
        Files.readString(dir.resolve("b/metrics.csv")));
  }

  @Test
  void countsStepsAcrossEpochs() {
    TrainResult result = Trainer.run(
        TrainSpec.builder("xor").model(Xor::model, Xor.INPUTS, List.of("probability"))
            .data(Xor.data(16)).loss(Xor::mse).optimizer(Xor.adam(0.05))
            .batch(8).steps(20).build(),
        quiet());

    assertEquals(20, result.stepLosses().size());
    assertEquals(3, result.epochs().size());
    assertEquals(4 * 8, result.last().examples());
  }

  @Test
  void keepsTheLastPartialBatch() {
    TrainResult result = Trainer.run(Xor.spec().data(Xor.data(5)).epochs(2).build(), quiet());

    assertEquals(2 * 3, result.stepLosses().size());
    assertEquals(20, result.last().examples());
  }

  /** Each optimizer with Keras's other defaults, at a rate that fits 160 steps of XOR. */
  static Stream<Arguments> optimizers() {
    return Stream.of(
        Arguments.of("sgd", 2.0, (OptimizerFactory) Sgd::new),
        Arguments.of("momentum", 0.5, (OptimizerFactory) (g, in) -> new Momentum(g, in, 0.9, false)),
        Arguments.of("nesterov", 0.5, (OptimizerFactory) (g, in) -> new Momentum(g, in, 0.9, true)),
        Arguments.of("adam", 0.05, (OptimizerFactory) (g, in) -> new Adam(g, in, 0.9, 0.999, 1e-7)),
        Arguments.of("adamax", 0.05,
            (OptimizerFactory) (g, in) -> new Adamax(g, in, 0.9, 0.999, 1e-7)),
        Arguments.of("nadam", 0.05, (OptimizerFactory) (g, in) -> new Nadam(g, in, 0.9, 0.999, 1e-7)),
        Arguments.of("adadelta", 10.0, (OptimizerFactory) (g, in) -> new AdaDelta(g, in, 0.95, 1e-7)),
        Arguments.of("adagrad", 0.5, (OptimizerFactory) (g, in) -> new AdaGrad(g, in, 0.1, 1e-7)),
        Arguments.of("rmsprop", 0.01,
            (OptimizerFactory) (g, in) -> new RmsProp(g, in, 0.9, 0, 1e-7, false)),
        Arguments.of("rmsprop, centered, with momentum", 0.01,
            (OptimizerFactory) (g, in) -> new RmsProp(g, in, 0.9, 0.5, 1e-7, true)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizers")
  void optimizersLowerTheLoss(String name, double rate, OptimizerFactory optimizer) {
    List<Double> losses = Trainer.run(
        Xor.spec().optimizer(new OptimizerSpec(optimizer, LearningRate.constant(rate))).build(),
        quiet()).stepLosses();

    assertTrue(mean(losses, 150, 160) < mean(losses, 0, 10) / 2,
        name + ": " + mean(losses, 0, 10) + " -> " + mean(losses, 150, 160));
  }

  @Test
  void runsUpdateOpsAndTheTrainingFlagOnlyInTrainingSteps() {
    // Weights without a gradient must not stop the job either; see countingModel.
    TrainResult result = Trainer.run(
        Xor.spec().model(TrainerTest::countingModel, Xor.INPUTS, List.of("probability"))
            .validate(Xor.data(1)).epochs(2)
            .metric("steps", (net, values) -> weightNamed(net, "model/steps"))
            .metric("training",
                (net, values) -> net.tf().dtypes.cast(net.training(), TFloat32.class))
            .build(),
        quiet());

    assertEquals(8.0, result.epochs().get(0).value("val_steps"));
    assertEquals(16.0, result.epochs().get(1).value("val_steps"));
    assertEquals(1.0, result.last().value("training"));
    assertEquals(0.0, result.last().value("val_training"));
  }

  /**
   * XOR plus a step counter bumped by an update op, a trainable weight the loss never reaches and
   * one it reaches through a stop_gradient: neither has a gradient, and training goes on without.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Operand<?>> countingModel(Net net, Map<String, Operand<?>> inputs) {
    Ops tf = net.tf();
    net.weight("steps", Shape.scalar(), Xor.ZEROS, false);
    Operand<TFloat32> one = tf.constant(1f);
    net.addUpdate(tf.assignAdd(weight(net, "model/steps").variable(), one), one);
    net.weight("unused", Shape.of(3), Xor.ZEROS, true);
    Operand<TFloat32> stopped = net.weight("stopped", Shape.of(1), Xor.ZEROS, true);
    Operand<TFloat32> probability = (Operand<TFloat32>) Xor.model(net, inputs).get("probability");
    return Map.of("probability", tf.math.add(probability, tf.stopGradient(stopped)));
  }

  private static Net.Weight weight(Net net, String name) {
    return net.weights().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }

  private static Operand<TFloat32> weightNamed(Net net, String name) {
    return weight(net, name).read();
  }

  @Test
  void stopsWhenTheLossIsNotFinite() {
    TrainSpec spec = Xor.spec()
        .loss((net, values) -> net.tf().math.log(net.tf().math.mul(
            Xor.mse(net, values), net.tf().constant(0f))))
        .build();

    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(spec, quiet()));
    assertEquals("job xor: the loss became -Infinity at epoch 1, step 1; "
        + "try a lower learning rate, or check the data", e.getMessage());
  }

  @Test
  void tellsWhichStepTensorFlowFailedIn() {
    // Shape inference accepts [?, 1] - [4, 1]; the first batch of 8 does not.
    TrainSpec spec = Xor.spec()
        .loss((net, values) -> net.tf().math.sub(Xor.mse(net, values),
            net.tf().constant(new float[][] {{0}, {0}, {0}, {0}})))
        .build();

    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(spec, quiet()));
    assertTrue(e.getMessage().startsWith("job xor: training step 1 of epoch 1 failed: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("Incompatible shapes: [8,1] vs. [4,1]"), e.getMessage());
  }

  private static double mean(List<Double> values, int from, int to) {
    return values.subList(from, to).stream()
        .mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
