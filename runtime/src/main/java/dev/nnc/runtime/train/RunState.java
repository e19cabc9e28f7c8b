package dev.nnc.runtime.train;

import java.util.Optional;

/**
 * Where a run stands: what a checkpoint holds, beside the variables and metrics.csv, to go on
 * exactly. {@code epoch} is the epoch under way (from 0) and {@code batch} how many of its batches
 * are done: an epoch's batch order follows from the seed and the epoch alone, so that count is the
 * data's position. {@code step} counts the steps of the whole run; {@code sums} and
 * {@code examples} are what the epoch's means are computed from so far; {@code stopped} says early
 * stopping ended the run, and {@code stopper} holds early stopping's own state.
 */
record RunState(int epoch, int batch, long step, double[] sums, long examples, boolean stopped,
    Optional<EarlyStopper.State> stopper) {
  RunState {
    sums = sums.clone();
  }

  @Override
  public double[] sums() {
    return sums.clone();
  }

  void write(StateProperties state) {
    state.put("epoch", epoch);
    state.put("batch_in_epoch", batch);
    state.put("step", step);
    state.putDoubles("sums", sums);
    state.put("examples", examples);
    state.put("stopped", stopped);
    stopper.ifPresent(s -> {
      state.put("stop.best", s.progress().best());
      state.put("stop.best_epoch", s.progress().bestEpoch());
      state.put("stop.wait", s.progress().waited());
      state.put("stop.kept", s.kept());
    });
  }

  static RunState read(StateProperties state) {
    Optional<EarlyStopper.State> stopper = state.has("stop.wait")
        ? Optional.of(new EarlyStopper.State(new EarlyStopping.Progress(state.doubleValue("stop.best"),
            state.intValue("stop.best_epoch"), state.intValue("stop.wait")), state.bool("stop.kept")))
        : Optional.empty();
    return new RunState(state.intValue("epoch"), state.intValue("batch_in_epoch"),
        state.longValue("step"), state.doubles("sums"), state.longValue("examples"),
        state.bool("stopped"), stopper);
  }
}
