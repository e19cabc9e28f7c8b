package dev.nnc.runtime.rl;

/** An environment that breaks the contract: its draws do not come from the seed it is reset with. */
public final class FlakyEnvironment implements Environment {
  private static long calls;

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
    return new float[] {0};
  }

  @Override
  public Step step(int action) {
    return new Step(new float[] {++calls}, 0, false, false);
  }
}
