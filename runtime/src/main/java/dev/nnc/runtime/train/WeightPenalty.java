package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code regularize: l2(f)} or {@code l1(f)}: Keras's kernel regularizers on every kernel of the
 * model, {@code f * sum(w^2)} or {@code f * sum(|w|)}, added to the loss. Kernels are the weights a
 * layer multiplies its input by; biases and batch-norm parameters are not penalized, as in Keras.
 */
public record WeightPenalty(Norm norm, double factor) {
  public enum Norm { L1, L2 }

  /** The name every layer gives the weight it multiplies its input by. */
  private static final String KERNEL = "kernel";

  public WeightPenalty {
    if (!(factor > 0)) {
      throw new IllegalArgumentException("the penalty factor must be positive, not " + factor);
    }
  }

  public static WeightPenalty l1(double factor) {
    return new WeightPenalty(Norm.L1, factor);
  }

  public static WeightPenalty l2(double factor) {
    return new WeightPenalty(Norm.L2, factor);
  }

  /** The penalty over the kernels among {@code weights}; zero when there are none. */
  Operand<TFloat32> build(Ops tf, List<Net.Weight> weights) {
    Operand<TFloat32> sum = tf.constant(0f);
    for (Net.Weight weight : weights) {
      if (weight.trainable() && isKernel(weight)) {
        // The identity read, never the variable: gradients of math on a raw variable crash TF Java.
        Operand<TFloat32> w = weight.read();
        sum = tf.math.add(sum, norm == Norm.L2 ? Sums.squares(tf, w) : Sums.all(tf, tf.math.abs(w)));
      }
    }
    return tf.math.mul(tf.constant((float) factor), sum);
  }

  private static boolean isKernel(Net.Weight weight) {
    String name = weight.name();
    return name.equals(KERNEL) || name.endsWith("/" + KERNEL);
  }
}
