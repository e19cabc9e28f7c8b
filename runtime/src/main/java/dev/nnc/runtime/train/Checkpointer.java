package dev.nnc.runtime.train;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;

/**
 * Writes a run's checkpoints when the job's policy says they are due, and knows the newest one (the
 * last written, or the one the run resumed from). A checkpoint is written only while every weight
 * is finite, so the newest is always one to go back to.
 */
final class Checkpointer {
  private final Optional<CheckpointPolicy> policy;
  private final CheckpointDir dir;
  private final Session session;
  private final Operand<TBool> weightsFinite;
  private final Fingerprint fingerprint;
  private final MetricsCsv csv;
  private Optional<Path> newest;
  /** What the run's step adds to each checkpoint's folder (a job that acts: its acting state). */
  private Consumer<Path> stepState = folder -> {};

  /**
   * {@code weightsFinite} is true when no weight of {@code session}'s graph holds a NaN or an
   * infinity; {@code resumedFrom} is the checkpoint the run went on from, if it did.
   */
  Checkpointer(Optional<CheckpointPolicy> policy, CheckpointDir dir, Session session,
      Operand<TBool> weightsFinite, Fingerprint fingerprint, MetricsCsv csv, Optional<Path> resumedFrom) {
    this.policy = policy;
    this.dir = dir;
    this.session = session;
    this.weightsFinite = weightsFinite;
    this.fingerprint = fingerprint;
    this.csv = csv;
    this.newest = resumedFrom;
  }

  /** Has every checkpoint also hold what {@code write} puts in its folder. */
  void alsoWrite(Consumer<Path> write) {
    stepState = write;
  }

  /** Writes a checkpoint if one is due now that {@code steps} steps in all are done. */
  void afterStep(long steps, Supplier<RunState> state) {
    if (policy.isPresent() && policy.get().dueAfterStep(steps)) {
      write(state.get());
    }
  }

  /** Writes a checkpoint if one is due now that {@code epochs} whole epochs are done. */
  void afterEpoch(int epochs, Supplier<RunState> state) {
    if (policy.isPresent() && policy.get().dueAfterEpoch(epochs)) {
      write(state.get());
    }
  }

  /** {@code "; the last good checkpoint is DIR"}, or nothing before the first: ends a failure's message. */
  String lastGood() {
    return newest.map(path -> "; the last good checkpoint is " + path).orElse("");
  }

  private void write(RunState state) {
    if (!weightsFinite()) {
      throw new TrainException("job " + fingerprint.job() + ": a weight became NaN or infinite by step "
          + state.step() + ", so no checkpoint was written; try a lower learning rate, or check the data"
          + lastGood());
    }
    newest = Optional.of(dir.write(state.step(), policy.orElseThrow().keep(),
        folder -> {
          Checkpoint.write(folder, session, csv, fingerprint, state);
          stepState.accept(folder);
        }));
  }

  private boolean weightsFinite() {
    try (Result result = session.runner().fetch(weightsFinite).run()) {
      return ((TBool) result.get(0)).getBoolean();
    }
  }
}
