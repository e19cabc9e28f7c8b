package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Records;
import dev.nnc.runtime.graph.Initializer;
import dev.nnc.runtime.graph.Net;
import dev.nnc.runtime.train.optimizers.Adam;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.types.TFloat32;

/** A hand-written XOR network, 2 → 8 tanh → 1 sigmoid, and its data: the trainer's test subject. */
final class Xor {
  static final List<Field> INPUTS = List.of(Field.floats("x", 2));
  static final double[][] TRUTH_TABLE = {{0, 0, 0}, {0, 1, 1}, {1, 0, 1}, {1, 1, 0}};

  private Xor() {}

  /** The truth table {@code copies} times over: fields {@code x: float[2]}, {@code y: float[1]}. */
  static Dataset data(int copies) {
    double[][] rows = new double[TRUTH_TABLE.length * copies][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = TRUTH_TABLE[i % TRUTH_TABLE.length];
    }
    return Records.of(List.of(Field.floats("x", 2), Field.floats("y", 1)), rows);
  }

  static Initializer normal(float stddev) {
    return (tf, shape, seed) -> tf.math.mul(
        tf.random.randomStandardNormal(tf.constant(shape.asArray()), TFloat32.class,
            RandomStandardNormal.seed(seed).seed2(seed)),
        tf.constant(stddev));
  }

  static final Initializer ZEROS =
      (tf, shape, seed) -> tf.zeros(tf.constant(shape.asArray()), TFloat32.class);

  static Operand<TFloat32> dense(Net net, Operand<TFloat32> x, int in, int out) {
    Ops tf = net.tf();
    Operand<TFloat32> kernel = net.weight("kernel", Shape.of(in, out), normal(1f), true);
    Operand<TFloat32> bias = net.weight("bias", Shape.of(out), ZEROS, true);
    return tf.math.add(tf.linalg.matMul(x, kernel), bias);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Operand<?>> model(Net net, Map<String, Operand<?>> inputs) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get("x");
    Operand<TFloat32> hidden = tf.math.tanh(dense(net.scope("hidden"), x, 2, 8));
    Operand<TFloat32> probability = tf.math.sigmoid(dense(net.scope("output"), hidden, 8, 1));
    return Map.of("probability", probability);
  }

  @SuppressWarnings("unchecked")
  static Operand<TFloat32> mse(Net net, Map<String, Operand<?>> values) {
    Ops tf = net.tf();
    Operand<TFloat32> error = tf.math.sub(
        (Operand<TFloat32>) values.get("probability"), (Operand<TFloat32>) values.get("y"));
    return tf.math.square(error);
  }

  @SuppressWarnings("unchecked")
  static Operand<TFloat32> accuracy(Net net, Map<String, Operand<?>> values) {
    Ops tf = net.tf();
    Operand<TFloat32> predicted = tf.dtypes.cast(
        tf.math.greater((Operand<TFloat32>) values.get("probability"), tf.constant(0.5f)),
        TFloat32.class);
    Operand<TFloat32> correct = tf.dtypes.cast(
        tf.math.equal(predicted, (Operand<TFloat32>) values.get("y")), TFloat32.class);
    return tf.math.mean(correct, tf.constant(new int[] {0, 1}));
  }

  /** Adam with Keras's betas and epsilon, at a constant {@code rate}. */
  static OptimizerSpec adam(double rate) {
    return new OptimizerSpec((graph, inputs) -> new Adam(graph, inputs, 0.9, 0.999, 1e-7),
        LearningRate.constant(rate));
  }

  /** A spec training XOR with Adam; callers add to it or change it. */
  static TrainSpec.Builder spec() {
    return TrainSpec.builder("xor")
        .model(Xor::model, INPUTS, List.of("probability"))
        .data(data(16).shuffle(64))
        .loss(Xor::mse)
        .metric("accuracy", Xor::accuracy)
        .optimizer(adam(0.05))
        .batch(8)
        .epochs(20)
        .seed(7);
  }
}
