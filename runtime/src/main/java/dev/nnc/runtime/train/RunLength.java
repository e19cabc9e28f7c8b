package dev.nnc.runtime.train;

import java.util.OptionalLong;

/**
 * How long a run trains: the number of epochs and a limit on steps in all. A job that counts steps
 * runs as many epochs as those steps need, the last one cut short.
 */
record RunLength(int epochs, long stepLimit) {
  static RunLength of(TrainSpec spec, TrainOptions options) {
    return of(spec.epochs(), spec.steps(), spec.data().batchCount(spec.batch()), options);
  }

  /** A job's length, {@code steps} (if present) or {@code epochs} of {@code perEpoch} steps, as {@code options} change it. */
  static RunLength of(int epochs, OptionalLong steps, long perEpoch, TrainOptions options) {
    long maxSteps = options.maxSteps().orElse(Long.MAX_VALUE);
    if (options.epochs().isPresent()) {
      return new RunLength(options.epochs().getAsInt(), maxSteps);
    }
    if (steps.isPresent()) {
      int needed = Math.toIntExact((steps.getAsLong() + perEpoch - 1) / perEpoch);
      return new RunLength(needed, Math.min(steps.getAsLong(), maxSteps));
    }
    return new RunLength(epochs, maxSteps);
  }

  /**
   * Whether a run standing at {@code batch} batches into epoch {@code epoch}, {@code stepsDone}
   * steps in all, has more to do: another epoch, or the end of the one under way, which a run
   * resumed from a checkpoint written after an epoch's last step still owes (its row, its validation).
   */
  boolean moreToTrain(int epoch, int batch, long stepsDone) {
    return epoch < epochs && (batch > 0 || stepsDone < stepLimit);
  }
}
