package dev.nnc.runtime.train;

import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Sums over every element of a tensor whose rank is known when the graph is built. */
final class Sums {
  private Sums() {}

  static Operand<TFloat32> all(Ops tf, Operand<TFloat32> x) {
    int[] axes = IntStream.range(0, x.shape().numDimensions()).toArray();
    return tf.reduceSum(x, tf.constant(axes));
  }

  static Operand<TFloat32> squares(Ops tf, Operand<TFloat32> x) {
    return all(tf, tf.math.square(x));
  }
}
