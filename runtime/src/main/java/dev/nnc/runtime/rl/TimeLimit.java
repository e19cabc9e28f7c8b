package dev.nnc.runtime.rl;

/**
 * Cuts an episode off after a number of steps, as Gymnasium's {@code TimeLimit} wrapper: the step
 * that reaches the limit is truncated (and may be terminated too).
 */
public final class TimeLimit implements Environment {
  private final Environment inner;
  private final int maxSteps;
  private int steps;

  public TimeLimit(Environment inner, int maxSteps) {
    if (maxSteps <= 0) {
      throw new IllegalArgumentException("a step limit must be positive, not " + maxSteps);
    }
    this.inner = inner;
    this.maxSteps = maxSteps;
  }

  /** The environment without its limit. */
  public Environment inner() {
    return inner;
  }

  @Override
  public int[] observationShape() {
    return inner.observationShape();
  }

  @Override
  public int actions() {
    return inner.actions();
  }

  @Override
  public float[] reset(long seed) {
    steps = 0;
    return inner.reset(seed);
  }

  @Override
  public Step step(int action) {
    Step step = inner.step(action);
    return ++steps >= maxSteps
        ? new Step(step.observation(), step.reward(), step.terminated(), true)
        : step;
  }
}
