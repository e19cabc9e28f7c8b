package dev.nnc.runtime.train;

import java.util.Objects;

/**
 * {@code stop: early(...)}, with Keras's {@code EarlyStopping} semantics: training stops once the
 * monitored value has gone {@code patience} epochs without improving by more than {@code minDelta};
 * with {@code restoreBest} the weights of the best epoch are put back when training ends, whether it
 * stopped early or not.
 *
 * @param monitor a column of {@code metrics.csv}: {@code loss}, a metric, or either with {@code val_}
 */
public record EarlyStopping(String monitor, Goal goal, int patience, double minDelta, boolean restoreBest) {
  /** Whether the monitored value should go down (a loss) or up (accuracy). */
  public enum Goal { MINIMIZE, MAXIMIZE }

  public EarlyStopping {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(goal, "goal");
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be zero or more, not " + patience);
    }
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("minDelta must be zero or more, not " + minDelta);
    }
  }

  /** A fresh watch over one run. */
  Watch watch() {
    return new Watch(new Progress(
        goal == Goal.MINIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, -1, 0));
  }

  /** A watch that goes on from {@code progress}, as {@link Watch#progress()} gave it. */
  Watch watch(Progress progress) {
    return new Watch(progress);
  }

  /** What the monitored value did in an epoch. */
  enum Verdict { IMPROVED, WAITING, STOP }

  /** A watch's state: the best value, its epoch (-1 while none), and the epochs waited since. */
  record Progress(double best, int bestEpoch, int waited) {}

  /** Follows the monitored value epoch by epoch. */
  final class Watch {
    private double best;
    private int bestEpoch;
    private int wait;

    private Watch(Progress progress) {
      this.best = progress.best();
      this.bestEpoch = progress.bestEpoch();
      this.wait = progress.waited();
    }

    Progress progress() {
      return new Progress(best, bestEpoch, wait);
    }

    Verdict observe(int epoch, double value) {
      wait++;
      if (improves(value)) {
        best = value;
        bestEpoch = epoch;
        wait = 0;
        return Verdict.IMPROVED;
      }
      // As in Keras, the first epoch never stops a run, even with a patience of 0.
      return wait >= patience && epoch > 0 ? Verdict.STOP : Verdict.WAITING;
    }

    private boolean improves(double value) {
      return goal == Goal.MINIMIZE ? value < best - minDelta : value > best + minDelta;
    }

    /** The epoch with the best value so far; -1 while none has been (a NaN value never is). */
    int bestEpoch() {
      return bestEpoch;
    }

    double best() {
      return best;
    }
  }
}
