package dev.nnc.runtime.train;

import java.util.Optional;

/**
 * When a run ends before its length, one of the pieces {@link RunLoop} is made of: early stopping
 * ({@link EarlyStopper}) today; for reinforcement learning, a reward reached. Asked after every
 * epoch, with that epoch's figures (validation ones included).
 */
interface StopRule {
  /** True when the run should stop after the epoch {@code result} reports. */
  boolean stopAfter(EpochResult result);

  /** At the end of the run, stopped early or not (early stopping puts back the best weights). */
  void finish();

  /** What a checkpoint keeps of the rule, to go on exactly. */
  Optional<EarlyStopper.State> state();
}
