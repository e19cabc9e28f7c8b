package dev.nnc.runtime.rl;

/**
 * How a job's {@code act:} turns the policy's per-action values (Q-values or logits, for one
 * observation) into an action: {@link EpsilonGreedy}, {@link SoftmaxSample} or {@link Greedy}.
 * The random state is a {@code long} so that a checkpoint can hold it.
 */
public interface ActionChoice {
  /** The action for {@code values} at environment step {@code step} (the job's clock). */
  int choose(float[] values, long step);

  /** The state of the random draws, for a checkpoint; 0 for a choice that draws nothing. */
  long randomState();

  void restoreRandomState(long state);

  /** The index of the largest value, the first of equals (as NumPy's {@code argmax}). */
  static int argmax(float[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
