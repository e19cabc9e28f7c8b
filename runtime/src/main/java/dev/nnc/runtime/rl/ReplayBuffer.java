package dev.nnc.runtime.rl;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The last {@code capacity} transitions (a ring: the oldest goes when a new one comes), from which
 * {@link #sample} draws batches uniformly with replacement, as Stable-Baselines3's replay buffer.
 * A batch is flat arrays ready to wrap in tensors. Its whole state, the random generator's
 * included, fits a checkpoint ({@link #writeTo}, {@link #readFrom}).
 */
public final class ReplayBuffer {
  private static final int FORMAT = 1;

  private final int capacity;
  private final int observationSize;
  private final float[] states;
  private final float[] nextStates;
  private final int[] actions;
  private final float[] rewards;
  private final float[] dones;
  private final Rng rng;
  private int size;
  private int next;

  public ReplayBuffer(int capacity, int observationSize, long seed) {
    if (capacity <= 0 || observationSize <= 0) {
      throw new IllegalArgumentException("a replay buffer needs a positive capacity and observation size, not "
          + capacity + " and " + observationSize);
    }
    long floats = (long) capacity * observationSize;
    if (floats > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("a replay buffer of " + capacity + " observations of " + observationSize
          + " numbers is too large for one array");
    }
    this.capacity = capacity;
    this.observationSize = observationSize;
    this.states = new float[(int) floats];
    this.nextStates = new float[(int) floats];
    this.actions = new int[capacity];
    this.rewards = new float[capacity];
    this.dones = new float[capacity];
    this.rng = new Rng(seed);
  }

  /** Transitions drawn from the buffer, each field flat: {@code state[i * observationSize + j]}. */
  public static final class Batch {
    public final int size;
    public final float[] state;
    public final int[] action;
    public final float[] reward;
    public final float[] nextState;
    /** 1 where the transition terminated the episode, else 0 (truncation is not done). */
    public final float[] done;

    public Batch(int size, int observationSize) {
      this.size = size;
      this.state = new float[size * observationSize];
      this.action = new int[size];
      this.reward = new float[size];
      this.nextState = new float[size * observationSize];
      this.done = new float[size];
    }
  }

  public void add(Transition t) {
    add(t.state(), t.action(), t.reward(), t.nextState(), t.terminated());
  }

  public void add(float[] state, int action, float reward, float[] nextState, boolean terminated) {
    if (state.length != observationSize || nextState.length != observationSize) {
      throw new IllegalArgumentException("a transition of observations of " + state.length + " and "
          + nextState.length + " numbers into a replay buffer of " + observationSize);
    }
    System.arraycopy(state, 0, states, next * observationSize, observationSize);
    System.arraycopy(nextState, 0, nextStates, next * observationSize, observationSize);
    actions[next] = action;
    rewards[next] = reward;
    dones[next] = terminated ? 1f : 0f;
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  public int size() {
    return size;
  }

  public int capacity() {
    return capacity;
  }

  public int observationSize() {
    return observationSize;
  }

  /** A new batch of {@code n} transitions drawn uniformly. */
  public Batch sample(int n) {
    Batch batch = new Batch(n, observationSize);
    sample(batch);
    return batch;
  }

  /** Fills {@code into} with transitions drawn uniformly, reusing its arrays. */
  public void sample(Batch into) {
    if (size == 0) {
      throw new IllegalStateException("sampling an empty replay buffer");
    }
    if (into.state.length != into.size * observationSize) {
      throw new IllegalArgumentException("a batch of observations of " + into.state.length / Math.max(1, into.size)
          + " numbers from a replay buffer of " + observationSize);
    }
    for (int i = 0; i < into.size; i++) {
      int k = rng.nextInt(size);
      System.arraycopy(states, k * observationSize, into.state, i * observationSize, observationSize);
      System.arraycopy(nextStates, k * observationSize, into.nextState, i * observationSize, observationSize);
      into.action[i] = actions[k];
      into.reward[i] = rewards[k];
      into.done[i] = dones[k];
    }
  }

  /** Writes the transitions held, where the next one goes and the generator's state. */
  public void writeTo(DataOutput out) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(capacity);
    out.writeInt(observationSize);
    out.writeInt(size);
    out.writeInt(next);
    out.writeLong(rng.state());
    int floats = size * observationSize;
    writeFloats(out, states, floats);
    writeFloats(out, nextStates, floats);
    for (int i = 0; i < size; i++) {
      out.writeInt(actions[i]);
    }
    writeFloats(out, rewards, size);
    writeFloats(out, dones, size);
  }

  /** Replaces this buffer's contents with what {@link #writeTo} wrote from a buffer of the same sizes. */
  public void readFrom(DataInput in) throws IOException {
    int format = in.readInt();
    if (format != FORMAT) {
      throw new IOException("a replay buffer of format " + format + ", not " + FORMAT);
    }
    int savedCapacity = in.readInt();
    int savedObservation = in.readInt();
    if (savedCapacity != capacity || savedObservation != observationSize) {
      throw new IOException("the saved replay buffer holds " + savedCapacity + " observations of " + savedObservation
          + " numbers, this one " + capacity + " of " + observationSize);
    }
    int savedSize = in.readInt();
    int savedNext = in.readInt();
    if (savedSize < 0 || savedSize > capacity || savedNext < 0 || savedNext >= capacity) {
      throw new IOException("the saved replay buffer is damaged (size " + savedSize + ", next " + savedNext + ")");
    }
    size = savedSize;
    next = savedNext;
    rng.restore(in.readLong());
    int floats = size * observationSize;
    readFloats(in, states, floats);
    readFloats(in, nextStates, floats);
    for (int i = 0; i < size; i++) {
      actions[i] = in.readInt();
    }
    readFloats(in, rewards, size);
    readFloats(in, dones, size);
  }

  private static void writeFloats(DataOutput out, float[] values, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      out.writeFloat(values[i]);
    }
  }

  private static void readFloats(DataInput in, float[] values, int count) throws IOException {
    for (int i = 0; i < count; i++) {
      values[i] = in.readFloat();
    }
  }
}
