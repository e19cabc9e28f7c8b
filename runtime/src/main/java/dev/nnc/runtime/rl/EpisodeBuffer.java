package dev.nnc.runtime.rl;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;

/**
 * The transitions of whole episodes, for a job with {@code episodes:} (REINFORCE, actor–critic):
 * it gathers steps until enough episodes have finished, then hands them over as one flat batch with
 * each step's discounted {@code return}, and starts again empty.
 */
public final class EpisodeBuffer {
  private static final int FORMAT = 1;
  private final int observationSize;
  private float[] states;
  private float[] nextStates;
  private int[] actions;
  private float[] rewards;
  private float[] dones;
  private boolean[] ends;
  private int size;
  private int finished;

  public EpisodeBuffer(int observationSize) {
    this.observationSize = observationSize;
    allocate(512);
  }

  /** All the steps of the finished episodes, flat: {@code state[i * observationSize + j]}. */
  public record Batch(int size, float[] state, int[] action, float[] reward, float[] nextState, float[] done,
      float[] returns) {}

  public void add(Transition t) {
    if (t.state().length != observationSize || t.nextState().length != observationSize) {
      throw new IllegalArgumentException("a transition of observations of " + t.state().length
          + " numbers into an episode buffer of " + observationSize);
    }
    if (size == actions.length) {
      grow();
    }
    System.arraycopy(t.state(), 0, states, size * observationSize, observationSize);
    System.arraycopy(t.nextState(), 0, nextStates, size * observationSize, observationSize);
    actions[size] = t.action();
    rewards[size] = t.reward();
    dones[size] = t.terminated() ? 1f : 0f;
    ends[size] = t.ended();
    size++;
    if (t.ended()) {
      finished++;
    }
  }

  /** Episodes finished since the last {@link #take}. */
  public int finishedEpisodes() {
    return finished;
  }

  /**
   * The steps of the finished episodes with their returns at {@code discount}; the steps of an
   * episode still under way stay for the next batch.
   */
  public Batch take(double discount) {
    int n = size;
    while (n > 0 && !ends[n - 1]) {
      n--;
    }
    int o = observationSize;
    Batch batch = new Batch(n, Arrays.copyOf(states, n * o), Arrays.copyOf(actions, n), Arrays.copyOf(rewards, n),
        Arrays.copyOf(nextStates, n * o), Arrays.copyOf(dones, n),
        DiscountedReturns.of(Arrays.copyOf(rewards, n), Arrays.copyOf(ends, n), discount));
    int rest = size - n;
    System.arraycopy(states, n * o, states, 0, rest * o);
    System.arraycopy(nextStates, n * o, nextStates, 0, rest * o);
    System.arraycopy(actions, n, actions, 0, rest);
    System.arraycopy(rewards, n, rewards, 0, rest);
    System.arraycopy(dones, n, dones, 0, rest);
    System.arraycopy(ends, n, ends, 0, rest);
    size = rest;
    finished = 0;
    return batch;
  }

  /** Writes the steps gathered since the last {@link #take}, for a checkpoint. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(observationSize);
    out.writeInt(size);
    out.writeInt(finished);
    for (int i = 0; i < size * observationSize; i++) {
      out.writeFloat(states[i]);
      out.writeFloat(nextStates[i]);
    }
    for (int i = 0; i < size; i++) {
      out.writeInt(actions[i]);
      out.writeFloat(rewards[i]);
      out.writeFloat(dones[i]);
      out.writeBoolean(ends[i]);
    }
  }

  /** Replaces this buffer's steps with what {@link #writeTo} wrote from a buffer of the same observations. */
  public void readFrom(DataInput in) throws IOException {
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("an episode buffer of format " + format + ", not " + FORMAT);
    }
    int savedObservation = in.readInt();
    if (savedObservation != observationSize) {
      throw new IOException("the saved episode buffer holds observations of " + savedObservation
          + " numbers, this one " + observationSize);
    }
    int savedSize = in.readInt();
    int savedFinished = in.readInt();
    if (savedSize < 0 || savedFinished < 0 || savedFinished > savedSize) {
      throw new IOException("the saved episode buffer is damaged (" + savedSize + " steps, " + savedFinished
          + " episodes)");
    }
    allocate(Math.max(512, savedSize));
    size = savedSize;
    finished = savedFinished;
    for (int i = 0; i < size * observationSize; i++) {
      states[i] = in.readFloat();
      nextStates[i] = in.readFloat();
    }
    for (int i = 0; i < size; i++) {
      actions[i] = in.readInt();
      rewards[i] = in.readFloat();
      dones[i] = in.readFloat();
      ends[i] = in.readBoolean();
    }
  }

  private void allocate(int steps) {
    states = new float[steps * observationSize];
    nextStates = new float[steps * observationSize];
    actions = new int[steps];
    rewards = new float[steps];
    dones = new float[steps];
    ends = new boolean[steps];
  }

  private void grow() {
    int steps = 2 * actions.length;
    states = Arrays.copyOf(states, steps * observationSize);
    nextStates = Arrays.copyOf(nextStates, steps * observationSize);
    actions = Arrays.copyOf(actions, steps);
    rewards = Arrays.copyOf(rewards, steps);
    dones = Arrays.copyOf(dones, steps);
    ends = Arrays.copyOf(ends, steps);
  }
}
