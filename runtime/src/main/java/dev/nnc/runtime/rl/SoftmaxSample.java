package dev.nnc.runtime.rl;

/** {@code act: sample(logits)}: an action drawn from the softmax of the logits. */
public final class SoftmaxSample implements ActionChoice {
  private final Rng rng;

  public SoftmaxSample(long seed) {
    this.rng = new Rng(seed);
  }

  @Override
  public int choose(float[] logits, long step) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    // Subtracting the largest logit keeps exp from overflowing; it does not change the softmax.
    double[] weights = new double[logits.length];
    double total = 0;
    for (int i = 0; i < logits.length; i++) {
      weights[i] = Math.exp(logits[i] - max);
      total += weights[i];
    }
    double u = rng.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    // Rounding can leave u a hair above zero: the last action with weight is the one drawn.
    for (int i = weights.length - 1; i > 0; i--) {
      if (weights[i] > 0) {
        return i;
      }
    }
    return 0;
  }

  @Override
  public long randomState() {
    return rng.state();
  }

  @Override
  public void restoreRandomState(long state) {
    rng.restore(state);
  }
}
