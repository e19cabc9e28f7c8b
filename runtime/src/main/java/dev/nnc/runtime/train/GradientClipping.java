package dev.nnc.runtime.train;

/**
 * How gradients are bounded before the optimizer sees them: {@code clip: global_norm(5)} or
 * {@code clip: value(1)} in a job. Configuration only, free of TensorFlow, so the checker can hold
 * it; {@link ClipGradients} builds it into the graph.
 */
public sealed interface GradientClipping {
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
  }

  record ByValue(double limit) implements GradientClipping {
    public ByValue {
      requirePositive(limit, "limit");
    }
  }

  private static void requirePositive(double value, String name) {
    if (!(value > 0)) {
      throw new IllegalArgumentException(name + " must be positive, not " + value);
    }
  }
}
