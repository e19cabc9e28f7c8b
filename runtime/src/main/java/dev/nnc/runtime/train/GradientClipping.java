package dev.nnc.runtime.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How gradients are bounded before the optimizer sees them: {@code clip: global_norm(5)} or
 * {@code clip: value(1)} in a job.
 */
public sealed interface GradientClipping {
  /** The gradients, bounded; in the same order. */
  List<Operand<TFloat32>> apply(Ops tf, List<Operand<TFloat32>> gradients);

  /**
   * Keras's {@code global_clipnorm} ({@code tf.clip_by_global_norm}): when the norm of all gradients
   * together exceeds {@code max}, every gradient is scaled by the same factor to bring it down to
   * {@code max}, which keeps the direction of the step.
   */
  static GradientClipping globalNorm(double max) {
    return new GlobalNorm(max);
  }

  /** Keras's {@code clipvalue}: each component of each gradient is clipped to [-limit, limit]. */
  static GradientClipping value(double limit) {
    return new ByValue(limit);
  }

  record GlobalNorm(double max) implements GradientClipping {
    public GlobalNorm {
      requirePositive(max, "max");
    }

    @Override
    public List<Operand<TFloat32>> apply(Ops tf, List<Operand<TFloat32>> gradients) {
      List<Operand<TFloat32>> squares = gradients.stream().map(g -> Sums.squares(tf, g)).toList();
      Operand<TFloat32> norm = tf.math.sqrt(tf.math.addN(squares));
      Operand<TFloat32> limit = tf.constant((float) max);
      Operand<TFloat32> scale = tf.math.div(limit, tf.math.maximum(norm, limit));
      return gradients.stream().map(g -> (Operand<TFloat32>) tf.math.mul(g, scale)).toList();
    }
  }

  record ByValue(double limit) implements GradientClipping {
    public ByValue {
      requirePositive(limit, "limit");
    }

    @Override
    public List<Operand<TFloat32>> apply(Ops tf, List<Operand<TFloat32>> gradients) {
      Operand<TFloat32> high = tf.constant((float) limit);
      Operand<TFloat32> low = tf.constant((float) -limit);
      return gradients.stream().map(g -> (Operand<TFloat32>) tf.clipByValue(g, low, high)).toList();
    }
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }
}
