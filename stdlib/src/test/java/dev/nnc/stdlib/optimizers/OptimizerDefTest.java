package dev.nnc.stdlib.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Records;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.OptimizerSpec;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import dev.nnc.runtime.train.TrainSpec;
import dev.nnc.runtime.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Every optimizer as a program gets it, with Keras's defaults and a rate of 0.1, on the bowl
 * {@code loss = w^2 / 4} from {@code w = 1}: its first step matches Keras's update rule for the
 * gradient 0.5, and twenty steps lower the loss.
 */
class OptimizerDefTest {
  @TempDir Path dir;

  /** Each optimizer and w after its first step, by Keras's rule with g = 0.5 and lr = 0.1. */
  static Stream<Arguments> firstSteps() {
    return Stream.of(
        Arguments.of(OptimizerDef.SGD, 0.95), // w - lr g
        Arguments.of(OptimizerDef.MOMENTUM, 0.95), // v = -lr g; w + v
        Arguments.of(OptimizerDef.NESTEROV, 0.905), // w + momentum v - lr g
        Arguments.of(OptimizerDef.ADAM, 0.9000006324515321), // lr sqrt(1 - b2) / (1 - b1) m / (sqrt(v) + eps)
        Arguments.of(OptimizerDef.ADAMAX, 0.900000019999996), // lr / (1 - b1) m / (|g| + eps)
        Arguments.of(OptimizerDef.NADAM, 0.8937212409248747), // u1 = 0.468, u2 = 0.48528
        Arguments.of(OptimizerDef.ADADELTA, 0.9998585792094448), // lr sqrt(eps) / sqrt(0.05 g^2 + eps) g
        Arguments.of(OptimizerDef.ADAGRAD, 0.9154845888128602), // lr g / (sqrt(0.1 + g^2) + eps)
        Arguments.of(OptimizerDef.RMSPROP, 0.6837728664367967)); // lr g / sqrt(0.1 g^2 + eps)
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("firstSteps")
  void firstStepFollowsKerasAndTheLossFalls(OptimizerDef optimizer, double afterFirstStep) {
    TrainResult result = Trainer.run(bowl(optimizer.with("lr", 0.1)),
        TrainOptions.builder().logDir(dir).quiet(true).build());

    // An epoch's metric sees w before the epoch's one step.
    assertEquals(afterFirstStep, result.epochs().get(1).value("w"), 1e-5, optimizer.name());
    List<Double> losses = result.stepLosses();
    assertTrue(losses.get(losses.size() - 1) < losses.get(0), optimizer.name() + ": " + losses);
  }

  private static TrainSpec bowl(OptimizerSpec optimizer) {
    return TrainSpec.builder("bowl")
        .model(OptimizerDefTest::model, List.of(Field.floats("x", 1)), List.of("w"))
        .data(Records.of(List.of(Field.floats("x", 1)), new double[][] {{0}}))
        .loss((net, values) -> net.tf().math.mul(net.tf().constant(0.25f), net.tf().math.square(w(values))))
        .metric("w", (net, values) -> w(values))
        .optimizer(optimizer)
        .batch(1)
        .epochs(20)
        .build();
  }

  private static Map<String, Operand<?>> model(Net net, Map<String, Operand<?>> inputs) {
    Ops tf = net.tf();
    Operand<TFloat32> w = net.weight("w", Shape.of(1), (ops, shape, seed) -> ops.constant(new float[] {1}), true);
    // A copy, not the read: a metric sharing the variable's buffer would be fetched after the update.
    return Map.of("w", tf.math.mul(w, tf.constant(1f)));
  }

  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> w(Map<String, Operand<?>> values) {
    return (Operand<TFloat32>) values.get("w");
  }
}
