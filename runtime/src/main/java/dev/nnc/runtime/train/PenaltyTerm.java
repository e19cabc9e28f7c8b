package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A {@link WeightPenalty} as the graph's term added to a loss. */
final class PenaltyTerm {
  /** The name every layer gives the weight it multiplies its input by. */
  private static final String KERNEL = "kernel";

  private PenaltyTerm() {}

  /** The penalty over the kernels among {@code weights}; zero when there are none. */
  static Operand<TFloat32> build(Ops tf, WeightPenalty penalty, List<Net.Weight> weights) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Net.Weight weight : weights) {
      if (weight.trainable() && isKernel(weight)) {
        // The identity read, never the variable: gradients of math on a raw variable crash TF Java.
        Operand<TFloat32> w = weight.read();
        sum = tf.math.add(sum, penalty.norm() == WeightPenalty.Norm.L2 ? Sums.squares(tf, w) : Sums.all(tf, tf.math.abs(w)));
      }
    }
    return tf.math.mul(tf.constant((float) penalty.factor()), sum);
  }

  private static boolean isKernel(Net.Weight weight) {
    String name = weight.name();
    return name.equals(KERNEL) || name.endsWith("/" + KERNEL);
  }
}
