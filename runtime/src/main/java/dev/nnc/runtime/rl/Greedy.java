package dev.nnc.runtime.rl;

/** {@code act: argmax(q)}, and how {@code nnc play} runs every policy: the best action, always. */
public final class Greedy implements ActionChoice {
  @Override
  public int choose(float[] values, long step) {
    return ActionChoice.argmax(values);
  }

  @Override
  public long randomState() {
    return 0;
  }

  @Override
  public void restoreRandomState(long state) {}
}
