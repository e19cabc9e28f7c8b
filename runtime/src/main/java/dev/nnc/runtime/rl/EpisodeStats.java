package dev.nnc.runtime.rl;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The returns and lengths of the last finished episodes (100, as Stable-Baselines3's
 * {@code ep_rew_mean}): what a job reports as {@code episode_return} and {@code episode_length}.
 */
public final class EpisodeStats {
  public static final int WINDOW = 100;

  private final double[] returns = new double[WINDOW];
  private final int[] lengths = new int[WINDOW];
  private long finished;

  /** Counts an episode that ended with this return after this many steps. */
  public void add(double episodeReturn, int length) {
    int slot = (int) (finished % WINDOW);
    returns[slot] = episodeReturn;
    lengths[slot] = length;
    finished++;
  }

  /** How many episodes have finished since the start (not only those in the window). */
  public long finished() {
    return finished;
  }

  /** The mean return of the last {@link #WINDOW} finished episodes; NaN before the first. */
  public double meanReturn() {
    int n = inWindow();
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += returns[i];
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** The mean length of the last {@link #WINDOW} finished episodes; NaN before the first. */
  public double meanLength() {
    int n = inWindow();
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += lengths[i];
    }
    return n == 0 ? Double.NaN : (double) sum / n;
  }

  private int inWindow() {
    return (int) Math.min(finished, WINDOW);
  }

  public void writeTo(DataOutput out) throws IOException {
    out.writeLong(finished);
    for (int i = 0; i < WINDOW; i++) {
      out.writeDouble(returns[i]);
      out.writeInt(lengths[i]);
    }
  }

  public void readFrom(DataInput in) throws IOException {
    finished = in.readLong();
    for (int i = 0; i < WINDOW; i++) {
      returns[i] = in.readDouble();
      lengths[i] = in.readInt();
    }
  }
}
