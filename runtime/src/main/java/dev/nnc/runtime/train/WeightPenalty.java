package dev.nnc.runtime.train;

/**
 * {@code regularize: l2(f)} or {@code l1(f)}: Keras's kernel regularizers on every kernel of the
 * model, {@code f * sum(w^2)} or {@code f * sum(|w|)}, added to the loss. Kernels are the weights a
 * layer multiplies its input by; biases and batch-norm parameters are not penalized, as in Keras.
 * Configuration only, free of TensorFlow, so the checker can hold it; {@link PenaltyTerm} builds it.
 */
public record WeightPenalty(Norm norm, double factor) {
  public enum Norm { L1, L2 }

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
}
