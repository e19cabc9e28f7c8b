package dev.nnc.runtime.rl;

/** The README's example of a user's environment, word for word but for the package. */
public final class Corridor implements Environment {
  private int position;

  @Override public int[] observationShape() { return new int[] {1}; }
  @Override public int actions() { return 2; }                  // 0 steps left, 1 right

  @Override public float[] reset(long seed) {
    position = new Rng(seed).nextInt(9);                         // a random start, from the seed
    return new float[] {position / 9f};
  }

  @Override public Step step(int action) {
    position = Math.max(0, position + (action == 1 ? 1 : -1));
    boolean end = position == 9;
    // observation, reward, terminated (a final state), truncated (cut off, not final)
    return new Step(new float[] {position / 9f}, end ? 1.0 : -0.1, end, false);
  }
}
