package dev.nnc.runtime.train;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;

/**
 * What a run keeps in its log directory, for a declarative job and a job with a step alike:
 * {@code metrics.csv}, TensorBoard's event files and the checkpoints. The run holds the log
 * directory's {@link LogDirLock} from opening to closing, so no other run writes there meanwhile. A
 * run that resumes goes on from the newest checkpoint written by this very program, with that
 * checkpoint's {@code metrics.csv}; a run that does not starts a new history, where an
 * {@link EarlierRun}'s checkpoints are never deleted unasked.
 */
final class RunFiles implements AutoCloseable {
  private final LogDirLock lock;
  private final CheckpointDir checkpoints;
  private final Fingerprint fingerprint;
  private final Optional<CheckpointPolicy> policy;
  private final Optional<Checkpoint> resumed;
  private final MetricsCsv csv;
  private final EventLog events;

  private RunFiles(LogDirLock lock, CheckpointDir checkpoints, Fingerprint fingerprint, Optional<CheckpointPolicy> policy,
      Optional<Checkpoint> resumed, MetricsCsv csv, EventLog events) {
    this.lock = lock;
    this.checkpoints = checkpoints;
    this.fingerprint = fingerprint;
    this.policy = policy;
    this.resumed = resumed;
    this.csv = csv;
    this.events = events;
  }

  /**
   * Opens the files of a run of the job {@code fingerprint} describes, in {@code logDir}, once its
   * lock is taken: resuming from its newest checkpoint if {@code start} says so (checkpoints passed
   * over are reported to {@code notes}), otherwise afresh, as {@link EarlierRun#setAside} allows.
   * {@code validates} says whether the job has validation values.
   */
  static RunFiles open(Path logDir, Fingerprint fingerprint, Optional<CheckpointPolicy> policy, TrainOptions.Start start,
      boolean validates, Consumer<String> notes) {
    LogDirLock lock = LogDirLock.take(logDir, fingerprint.job());
    MetricsCsv csv = null;
    try {
      CheckpointDir checkpoints = new CheckpointDir(logDir);
      Optional<Checkpoint> resumed = start == TrainOptions.Start.RESUME
          ? Optional.of(Checkpoint.resumePoint(checkpoints, fingerprint, policy.isPresent(), notes))
          : Optional.empty();
      if (resumed.isEmpty()) {
        EarlierRun.setAside(logDir, checkpoints, start == TrainOptions.Start.FRESH, fingerprint.job(), notes);
        checkpoints.clear();
      }
      csv = resumed
          .map(c -> MetricsCsv.resume(logDir, fingerprint.columns(), c.metrics()))
          .orElseGet(() -> MetricsCsv.create(logDir, fingerprint.columns()));
      return new RunFiles(lock, checkpoints, fingerprint, policy, resumed,
          csv, EventLog.open(logDir, validates, resumed.isPresent()));
    } catch (RuntimeException e) {
      if (csv != null) {
        csv.close();
      }
      lock.close();
      throw e;
    }
  }

  /** The checkpoint the run goes on from; empty for a run that starts afresh. */
  Optional<Checkpoint> resumed() {
    return resumed;
  }

  /** Where the run stood when its checkpoint was written; empty for a run that starts afresh. */
  Optional<RunState> resumedState() {
    return resumed.map(Checkpoint::state);
  }

  MetricsCsv csv() {
    return csv;
  }

  EventLog events() {
    return events;
  }

  /**
   * Puts the resumed checkpoint's values, if any, into every variable of {@code session}, and
   * returns what writes the run's checkpoints from it; {@code weightsFinite} tells whether every
   * weight is finite.
   */
  Checkpointer start(Session session, Operand<TBool> weightsFinite) {
    resumed.ifPresent(c -> c.restore(session));
    return new Checkpointer(policy, checkpoints, session, weightsFinite, fingerprint, csv,
        resumed.map(Checkpoint::dir));
  }

  @Override
  public void close() {
    try {
      csv.close();
    } finally {
      try {
        events.close();
      } finally {
        lock.close();
      }
    }
  }
}
