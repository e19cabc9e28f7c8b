package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Records;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.optimizers.Sgd;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A model that is nothing but a kernel {@code w} with chosen initial values and a bias {@code b = [3]},
 * trained on one record so that every epoch is one step: tests follow the weights step by step
 * through metrics, which see the weights before each step's update.
 */
final class Probe {
  private Probe() {}

  /** The probe with kernel {@code initial}, trained by plain SGD at a rate of 1 to lower {@code loss}. */
  static TrainSpec.Builder spec(TensorFunction loss, float... initial) {
    return TrainSpec.builder("probe")
        .model((net, inputs) -> model(net, initial), List.of(Field.floats("x", 1)), List.of("w", "b"))
        .data(records(1))
        .loss(loss)
        .optimizer(sgd(LearningRate.constant(1)))
        .batch(1)
        .epochs(1)
        .seed(1);
  }

  /** {@code count} records of one field {@code x}, all 0: with batch 1, {@code count} steps an epoch. */
  static Dataset records(int count) {
    return Records.of(List.of(Field.floats("x", 1)), new double[count][1]);
  }

  static OptimizerSpec sgd(LearningRate rate) {
    return new OptimizerSpec(Sgd::new, rate);
  }

  private static Map<String, Operand<?>> model(Net net, float[] initial) {
    Operand<TFloat32> w =
        net.weight("kernel", Shape.of(initial.length), (tf, shape, seed) -> tf.constant(initial), true);
    Operand<TFloat32> b =
        net.weight("bias", Shape.of(1), (tf, shape, seed) -> tf.constant(new float[] {3}), true);
    // Outputs are copies: a trivial reduction of the read itself would share the variable's buffer,
    // and a metric over it fetched after the update would show the new value.
    Ops tf = net.tf();
    return Map.of("w", tf.math.mul(w, tf.constant(1f)), "b", tf.math.mul(b, tf.constant(1f)));
  }

  /** {@code sum(c * w)}: its gradient is {@code c}, whatever {@code w}. */
  static TensorFunction linear(float... c) {
    return (net, values) -> Sums.all(net.tf(), net.tf().math.mul(w(values), net.tf().constant(c)));
  }

  /** A metric: the sum of the kernel's components. */
  static Operand<TFloat32> sum(Net net, Map<String, Operand<?>> values) {
    return Sums.all(net.tf(), w(values));
  }

  /** A metric: the Euclidean norm of the kernel. */
  static Operand<TFloat32> norm(Net net, Map<String, Operand<?>> values) {
    Ops tf = net.tf();
    return tf.math.sqrt(Sums.squares(tf, w(values)));
  }

  @SuppressWarnings("unchecked")
  static Operand<TFloat32> w(Map<String, Operand<?>> values) {
    return (Operand<TFloat32>) values.get("w");
  }

  /** The kernel's values, one per epoch, before that epoch's step: the metric {@code name} of each epoch. */
  static double[] perEpoch(TrainResult result, String name) {
    return result.epochs().stream().mapToDouble(e -> e.value(name)).toArray();
  }
}
