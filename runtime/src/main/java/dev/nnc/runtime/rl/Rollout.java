package dev.nnc.runtime.rl;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * Runs episode after episode of one environment: each action gives a {@link Transition}, and an
 * episode that ends is counted in the {@link EpisodeStats} and followed at once by the next. The
 * n-th episode is reset with a seed derived from the run's seed and n, so the same seed gives the
 * same episodes. Its state fits a checkpoint: the episode under way is rebuilt on {@link #readFrom}
 * by resetting it with its seed and taking the same actions again (environments are deterministic
 * given those), so a resumed run continues exactly.
 */
public final class Rollout {
  private static final int FORMAT = 1;

  private final Environment env;
  private final long seed;
  private final EpisodeStats stats = new EpisodeStats();
  private long episode;
  private long steps;
  private float[] observation;
  private double episodeReturn;
  /** The actions taken in the episode under way, to rebuild it on resume. */
  private int[] actions = new int[64];
  private int length;

  public Rollout(Environment env, long seed) {
    this.env = env;
    this.seed = seed;
    this.observation = env.reset(episodeSeed(0));
    int declared = Arrays.stream(env.observationShape()).reduce(1, Math::multiplyExact);
    if (observation.length != declared) {
      throw new EnvironmentException("the environment " + env.getClass().getName() + " observes float"
          + Arrays.toString(env.observationShape()) + " (" + declared + " numbers), but reset gave " + observation.length);
    }
  }

  /** What the agent sees now, to choose its next action from. Not to be changed by the caller. */
  public float[] observation() {
    return observation;
  }

  /** Takes {@code action}; when that ends the episode, the next one is already reset. */
  public Transition act(int action) {
    Environment.Step step = env.step(action);
    float[] state = observation;
    checkObservation(step.observation());
    if (length == actions.length) {
      actions = Arrays.copyOf(actions, 2 * length);
    }
    actions[length++] = action;
    episodeReturn += step.reward();
    steps++;
    Transition transition = new Transition(state, action, (float) step.reward(), step.observation(),
        step.terminated(), step.truncated());
    if (step.ended()) {
      stats.add(episodeReturn, length);
      episode++;
      episodeReturn = 0;
      length = 0;
      observation = env.reset(episodeSeed(episode));
    } else {
      observation = step.observation();
    }
    return transition;
  }

  public EpisodeStats stats() {
    return stats;
  }

  /** Environment steps taken since the start: the clock of a job with {@code env:}. */
  public long steps() {
    return steps;
  }

  /** The number of the episode under way, from 0. */
  public long episode() {
    return episode;
  }

  private long episodeSeed(long n) {
    return Rng.derived(seed, n).nextLong();
  }

  private void checkObservation(float[] seen) {
    if (seen.length != observation.length) {
      throw new EnvironmentException("the environment " + env.getClass().getName() + " returned an observation of "
          + seen.length + " numbers after one of " + observation.length);
    }
  }

  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    out.writeLong(seed);
    out.writeLong(episode);
    out.writeLong(steps);
    out.writeDouble(episodeReturn);
    out.writeInt(length);
    for (int i = 0; i < length; i++) {
      out.writeInt(actions[i]);
    }
    out.writeInt(observation.length);
    for (float v : observation) {
      out.writeFloat(v);
    }
    stats.writeTo(out);
  }

  /**
   * Puts back the state {@link #writeTo} saved, replaying the episode under way. Fails when the
   * saved run had another seed, or when the replayed episode does not reach the saved observation
   * (an environment that is not deterministic given its seed and actions cannot be resumed exactly).
   */
  public void readFrom(DataInput in) throws IOException {
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("an episode state of format " + format + ", not " + FORMAT);
    }
    long savedSeed = in.readLong();
    if (savedSeed != seed) {
      throw new EnvironmentException("the checkpoint's episodes were seeded " + savedSeed + ", not " + seed);
    }
    episode = in.readLong();
    steps = in.readLong();
    episodeReturn = in.readDouble();
    length = in.readInt();
    actions = new int[Math.max(64, length)];
    for (int i = 0; i < length; i++) {
      actions[i] = in.readInt();
    }
    float[] saved = new float[in.readInt()];
    for (int i = 0; i < saved.length; i++) {
      saved[i] = in.readFloat();
    }
    stats.readFrom(in);
    observation = env.reset(episodeSeed(episode));
    for (int i = 0; i < length; i++) {
      observation = env.step(actions[i]).observation();
    }
    if (!Arrays.equals(observation, saved)) {
      throw new EnvironmentException("the environment " + env.getClass().getName() + " gave other observations"
          + " for the same seed and actions, so the episode under way cannot be resumed; an environment must draw"
          + " every random number from the seed reset() is given");
    }
  }
}
