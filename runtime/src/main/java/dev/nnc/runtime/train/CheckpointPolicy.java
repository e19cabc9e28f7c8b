package dev.nnc.runtime.train;

import java.util.Objects;

/**
 * {@code checkpoint: every(1 epoch), keep: 3}: how often a run writes a checkpoint, and how many of
 * the newest it keeps (older ones are deleted as new ones arrive).
 */
public record CheckpointPolicy(Period every, int keep) {
  /**
   * What {@code keep:} defaults to: the newest few, as {@code tf.train.CheckpointManager} users
   * usually set {@code max_to_keep}, so that a damaged newest checkpoint still leaves older ones.
   */
  public static final int DEFAULT_KEEP = 3;

  public CheckpointPolicy {
    Objects.requireNonNull(every, "every");
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1, not " + keep);
    }
  }

  /** Whether a checkpoint is due once {@code steps} steps in all are done. */
  boolean dueAfterStep(long steps) {
    return every.unit() == Period.Unit.STEPS && steps % every.amount() == 0;
  }

  /** Whether a checkpoint is due once {@code epochs} whole epochs are done. */
  boolean dueAfterEpoch(int epochs) {
    return every.unit() == Period.Unit.EPOCHS && epochs % every.amount() == 0;
  }
}
