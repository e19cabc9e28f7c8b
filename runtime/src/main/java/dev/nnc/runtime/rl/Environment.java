package dev.nnc.runtime.rl;

/**
 * Something an agent learns by acting in: a train job's {@code env:}. An episode starts with
 * {@link #reset(long)} and goes on with {@link #step(int)} until a step says it terminated or was
 * truncated; the caller then resets again (it never steps a finished episode).
 *
 * <p>An environment must be deterministic given the seed and the actions: {@code reset(s)} followed
 * by the same actions gives the same observations and rewards. That is what makes training
 * reproducible and lets {@code --resume} rebuild an episode in progress (it resets with the
 * episode's seed and steps again the actions taken so far), so the environment keeps no state of its
 * own that outlives an episode. Draw every random number of an episode from a generator seeded by
 * {@code reset}, such as {@link Rng}.
 *
 * <p>A user's class named in {@code env: java("com.example.Warehouse", observation: float[6],
 * actions: 3)} implements this interface and has a public constructor without parameters; its
 * {@link #observationShape()} and {@link #actions()} must be the ones declared.
 */
public interface Environment {
  /** The shape of every observation, without a batch dimension: {@code {4}} for CartPole. */
  int[] observationShape();

  /** How many discrete actions there are; actions are {@code 0 .. actions() - 1}. */
  int actions();

  /** Starts an episode whose random draws all come from {@code seed}; returns its first observation. */
  float[] reset(long seed);

  /** Takes {@code action} in the episode under way. */
  Step step(int action);

  /**
   * What one action led to. {@code terminated}: the episode reached a final state (the pole fell;
   * a learner's {@code done}). {@code truncated}: it was cut off, by a step limit for example, in a
   * state that is not final. Either ends the episode; both may hold at once.
   */
  record Step(float[] observation, double reward, boolean terminated, boolean truncated) {
    public boolean ended() {
      return terminated || truncated;
    }
  }
}
