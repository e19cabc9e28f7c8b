package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.List;

/**
 * What one step of a run does with a batch, one of the pieces {@link RunLoop} is made of: a
 * planned step ({@link PlannedStep}), which a job's own {@code step} block and a declarative job's one
 * minimize of its loss with its metrics both become; for reinforcement learning, an update from a
 * batch of experience. A step reports values, which the loop averages over the epoch, checks, prints, writes
 * to {@code metrics.csv} and TensorBoard, and monitors for early stopping.
 */
interface Step {
  /** The names of the values {@link #train} and {@link #evaluate} return, in that order. */
  List<String> reported();

  /** How each reported value makes the epoch's figure: a mean of batch means, or a ratio of sums (two numbers). */
  List<Metric.Aggregation> aggregations();

  /**
   * Trains on {@code batch} as step {@code step} of the run (from 0); the reported values, the
   * numbers of a ratio apart. A value that must stay finite and does not is a {@link NonFiniteValue}.
   */
  double[] train(Batch batch, long step);

  /** The reported values on {@code batch} with the models in inference mode, nothing updated. */
  double[] evaluate(Batch batch);

  /** After the run's {@code stepsDone}-th step, which trained on {@code batch}. */
  default void afterStep(long stepsDone, Batch batch) {}

  /** After the run's {@code epochsDone}-th epoch, before its checkpoint. */
  default void afterEpoch(int epochsDone) {}

  /** After the run's last step, {@code stepsDone} in all. */
  default void afterRun(long stepsDone) {}

  /** A resumed run stands {@code batch} batches into epoch {@code epoch}, {@code stepsDone} steps in all. */
  default void resume(int epoch, int batch, long stepsDone) {}

  /** Writes what the step keeps beyond the weights into a checkpoint's {@code folder}. */
  default void saveState(java.nio.file.Path folder) {}

  /** Puts back what {@link #saveState} wrote into the {@code folder} of the checkpoint a run resumes from. */
  default void restoreState(java.nio.file.Path folder) {}

  /** A value a step fetched that became NaN or infinite; the loop says where. */
  final class NonFiniteValue extends RuntimeException {
    private final String what;
    private final double value;

    NonFiniteValue(String what, double value) {
      super(what + " became " + value, null, false, false);
      this.what = what;
      this.value = value;
    }

    String what() {
      return what;
    }

    double value() {
      return value;
    }
  }

  /** Throws {@link NonFiniteValue} unless {@code value}, {@code what} in the message, is finite. */
  static void requireFinite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new NonFiniteValue(what, value);
    }
  }
}
