package dev.nnc.runtime.rl;

/**
 * {@code act: epsilon_greedy(q, from: 1.0, to: 0.05, over: 10000 steps)}: with probability epsilon
 * a uniformly random action, else the arg-max; epsilon falls linearly from {@code from} to {@code
 * to} over the first {@code over} environment steps and stays there (Stable-Baselines3's linear
 * exploration schedule). Its position is the job's step count, so only the random state needs
 * saving.
 */
public final class EpsilonGreedy implements ActionChoice {
  private final double from;
  private final double to;
  private final long over;
  private final Rng rng;

  public EpsilonGreedy(double from, double to, long over, long seed) {
    if (!(from >= 0 && from <= 1 && to >= 0 && to <= 1)) {
      throw new IllegalArgumentException("epsilon must be within 0 and 1, not from " + from + " to " + to);
    }
    if (over < 0) {
      throw new IllegalArgumentException("over must not be negative, not " + over);
    }
    this.from = from;
    this.to = to;
    this.over = over;
    this.rng = new Rng(seed);
  }

  /** Epsilon at environment step {@code step}. */
  public double epsilon(long step) {
    if (over == 0 || step >= over) {
      return to;
    }
    return from + (to - from) * ((double) Math.max(step, 0) / over);
  }

  @Override
  public int choose(float[] values, long step) {
    // Draw the coin every step, explored or not, so the random stream does not depend on epsilon.
    boolean explore = rng.nextDouble() < epsilon(step);
    int random = rng.nextInt(values.length);
    return explore ? random : ActionChoice.argmax(values);
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
