package dev.nnc.runtime.rl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * {@code nnc play}: runs a policy for a number of episodes and sums up their returns; the first
 * episode's observations are kept for drawing.
 */
public final class Play {
  private Play() {}

  /** The returns of the episodes played, and what the first one observed, step by step. */
  public record Result(int episodes, double mean, double min, double max, List<float[]> firstEpisode) {
    /** {@code mean 487.20, min 402, max 500 over 100 episodes}. */
    public String line() {
      return String.format(Locale.ROOT, "mean %.2f, min %s, max %s over %d episode%s", mean, number(min), number(max),
          episodes, episodes == 1 ? "" : "s");
    }

    private static String number(double value) {
      return value == Math.rint(value) && Math.abs(value) < 1e15
          ? Long.toString((long) value)
          : String.format(Locale.ROOT, "%.2f", value);
    }
  }

  /** Plays {@code episodes} episodes of {@code env}, seeded from {@code seed} as a training run's are. */
  public static Result play(Environment env, ToIntFunction<float[]> policy, int episodes, long seed) {
    if (episodes <= 0) {
      throw new IllegalArgumentException("the number of episodes must be positive, not " + episodes);
    }
    Rollout rollout = new Rollout(env, seed);
    List<float[]> first = new ArrayList<>();
    first.add(rollout.observation());
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double episodeReturn = 0;
    for (int finished = 0; finished < episodes; ) {
      Transition t = rollout.act(policy.applyAsInt(rollout.observation()));
      if (finished == 0) {
        first.add(t.nextState());
      }
      episodeReturn += t.reward();
      if (t.ended()) {
        sum += episodeReturn;
        min = Math.min(min, episodeReturn);
        max = Math.max(max, episodeReturn);
        episodeReturn = 0;
        finished++;
      }
    }
    return new Result(episodes, sum / episodes, min, max, first);
  }
}
