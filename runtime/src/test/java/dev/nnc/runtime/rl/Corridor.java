package dev.nnc.runtime.rl;

/**
 * A user's environment as the README shows one: walk a corridor of 10 cells from a random cell to
 * the right end; action 0 steps left, 1 right; -0.1 a step, +1 at the end. Observes its position
 * as one number, the position divided by 9.
 */
public final class Corridor implements Environment {
  private Rng rng;
  private int position;

  @Override
  public int[] observationShape() {
    return new int[] {1};
  }

  @Override
  public int actions() {
    return 2;
  }

  @Override
  public float[] reset(long seed) {
    rng = new Rng(seed);
    position = rng.nextInt(9);
    return new float[] {position / 9f};
  }

  @Override
  public Step step(int action) {
    position = Math.max(0, position + (action == 1 ? 1 : -1));
    boolean end = position == 9;
    return new Step(new float[] {position / 9f}, end ? 1.0 : -0.1, end, false);
  }
}
