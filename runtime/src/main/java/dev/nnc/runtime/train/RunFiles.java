package dev.nnc.runtime.train;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;

/**
 * What a run keeps in its log directory, for a declarative job and a job with a step alike:
 * {@code metrics.csv}, TensorBoard's event files and the checkpoints. A run that resumes goes on
 * from the newest checkpoint written by this very program, with that checkpoint's
 * {@code metrics.csv}; a run that does not starts a new history, deleting the checkpoints and
 * event files of earlier ones.
 */
final class RunFiles implements AutoCloseable {
  private final CheckpointDir checkpoints;
  private final Fingerprint fingerprint;
  private final Optional<CheckpointPolicy> policy;
  private final Optional<Checkpoint> resumed;
  private final MetricsCsv csv;
  private final EventLog events;

  private RunFiles(CheckpointDir checkpoints, Fingerprint fingerprint, Optional<CheckpointPolicy> policy,
      Optional<Checkpoint> resumed, MetricsCsv csv, EventLog events) {
    this.checkpoints = checkpoints;
    this.fingerprint = fingerprint;
    this.policy = policy;
    this.resumed = resumed;
    this.csv = csv;
    this.events = events;
  }

  /**
   * Opens the files of a run of the job {@code fingerprint} describes, in {@code logDir}:
   * resuming from its newest checkpoint if {@code resume} (checkpoints passed over are reported to
   * {@code notes}), otherwise afresh. {@code validates} says whether the job has validation values.
   */
  static RunFiles open(Path logDir, Fingerprint fingerprint, Optional<CheckpointPolicy> policy, boolean resume,
      boolean validates, Consumer<String> notes) {
    CheckpointDir checkpoints = new CheckpointDir(logDir);
    Optional<Checkpoint> resumed = resume
        ? Optional.of(Checkpoint.resumePoint(checkpoints, fingerprint, policy.isPresent(), notes))
        : Optional.empty();
    if (resumed.isEmpty()) {
      checkpoints.clear();
    }
    MetricsCsv csv = resumed
        .map(c -> MetricsCsv.resume(logDir, fingerprint.columns(), c.metrics()))
        .orElseGet(() -> MetricsCsv.create(logDir, fingerprint.columns()));
    try {
      return new RunFiles(checkpoints, fingerprint, policy, resumed,
          csv, EventLog.open(logDir, validates, resumed.isPresent()));
    } catch (RuntimeException e) {
      csv.close();
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
      events.close();
    }
  }
}
