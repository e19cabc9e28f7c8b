package dev.nnc.runtime.rl;

/**
 * {@code return} in a job with {@code episodes:}: at each step, the discounted sum of the rewards
 * from that step to its episode's end, {@code G_t = r_t + γ G_{t+1}} (REINFORCE). An episode cut
 * off by a step limit ends its sum there too, as §7.5 says.
 */
public final class DiscountedReturns {
  private DiscountedReturns() {}

  /**
   * The returns for consecutive steps of one or more episodes: {@code ends[t]} is true where step
   * {@code t} ended its episode. The last step is taken as an end whatever {@code ends} says.
   */
  public static float[] of(float[] rewards, boolean[] ends, double discount) {
    if (ends.length != rewards.length) {
      throw new IllegalArgumentException(rewards.length + " rewards but " + ends.length + " episode ends");
    }
    if (!(discount >= 0 && discount <= 1)) {
      throw new IllegalArgumentException("a discount must be within 0 and 1, not " + discount);
    }
    float[] returns = new float[rewards.length];
    double g = 0;
    for (int t = rewards.length - 1; t >= 0; t--) {
      if (ends[t]) {
        g = 0;
      }
      g = rewards[t] + discount * g;
      returns[t] = (float) g;
    }
    return returns;
  }

  /** The returns for the steps of one episode. */
  public static float[] of(float[] rewards, double discount) {
    return of(rewards, new boolean[rewards.length], discount);
  }
}
