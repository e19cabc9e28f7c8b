package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one training loop every kind of job runs. Per epoch it takes the {@link BatchSource}'s
 * batches (prefetched), has the {@link Step} train on each, checks what it reports and averages it
 * over the epoch; then it evaluates the validation batches, if any, with the same step in inference
 * mode ({@code val_...}); prints the epoch's line, appends it to {@code metrics.csv} and
 * TensorBoard's event files, asks the {@link StopRule}, if any, whether to go on, and writes the
 * checkpoints the job's policy asks for. A run resumed from a checkpoint goes on where it stood,
 * as if it had never stopped. What differs between kinds of jobs is in those three pieces, and in
 * the {@link GradientTransform} their graphs are built with; nothing else is.
 */
final class RunLoop {
  private final String job;
  private final Console console;
  private final BatchSource data;
  private final Optional<BatchSource> validation;
  private final Step step;
  private final Optional<StopRule> stop;
  private final RunLength length;
  private final RunFiles files;
  private final Checkpointer checkpointer;
  private final long stepsPerEpoch;
  private final List<String> names;
  private final List<Double> firstValues = new ArrayList<>();
  private final List<EpochResult> epochs = new ArrayList<>();
  private final Pace pace = new Pace();
  private int epoch;
  /** How many batches of the epoch under way are done. */
  private int batch;
  private long stepsDone;
  private WeightedMeans means;
  private boolean stopped;

  RunLoop(String job, Console console, BatchSource data, Optional<BatchSource> validation, Step step,
      Optional<StopRule> stop, RunLength length, RunFiles files, Checkpointer checkpointer) {
    this.job = job;
    this.console = console;
    this.data = data;
    this.validation = validation;
    this.step = step;
    this.stop = stop;
    this.length = length;
    this.files = files;
    this.checkpointer = checkpointer;
    this.stepsPerEpoch = data.batchesPerEpoch();
    this.names = step.reported();
    this.means = WeightedMeans.of(step.aggregations());
    files.resumedState().ifPresent(state -> {
      epoch = state.epoch();
      batch = state.batch();
      stepsDone = state.step();
      means = WeightedMeans.of(step.aggregations(), state.sums(), state.examples());
      stopped = state.stopped();
      step.resume(epoch, batch, stepsDone);
    });
    files.resumed().ifPresent(c -> step.restoreState(c.dir()));
    checkpointer.alsoWrite(step::saveState);
  }

  /** Whether the run goes on: not stopped early, and more to train (see {@link RunLength#moreToTrain}). */
  boolean moreToTrain() {
    return !stopped && length.moreToTrain(epoch, batch, stepsDone);
  }

  /** Trains until the run's length is done or the stop rule ends it; then the stop rule and the step finish. */
  void run() {
    files.resumed().ifPresent(c -> console.line(c.resuming(moreToTrain())));
    while (moreToTrain()) {
      EpochResult result = epoch();
      files.csv().append(epoch, result.values());
      files.events().append(epoch, result.values());
      epochs.add(result);
      stopped = stop.isPresent() && stop.get().stopAfter(result);
      boolean whole = batch == stepsPerEpoch;
      epoch++;
      batch = 0;
      means = WeightedMeans.of(step.aggregations());
      step.afterEpoch(epoch);
      // An epoch cut short by the step limit ends the run; a checkpoint of it would skip the rest.
      if (whole) {
        checkpointer.afterEpoch(epoch, this::state);
      }
    }
    // The stop rule first: what runs at the end sees the weights the run ends with (the best, restored).
    stop.ifPresent(StopRule::finish);
    step.afterRun(stepsDone);
  }

  private EpochResult epoch() {
    long start = System.nanoTime();
    trainRestOfEpoch();
    long trained = System.nanoTime();
    Map<String, Double> values = means.named(names, "");
    int current = epoch;
    validation.ifPresent(batches -> {
      values.putAll(evaluate(step, batches, job, current, "validation").named(names, ReportedValues.VALIDATION_PREFIX));
      pace.validated((System.nanoTime() - trained) / 1e9);
    });
    EpochResult result = new EpochResult(epoch, values, means.examples(), Duration.ofNanos(System.nanoTime() - start));
    console.line(ProgressLine.format(result, length.epochs(), (trained - start) / 1e9));
    return result;
  }

  /** The batches of the epoch not yet trained on, or as many as the step limit leaves. */
  private void trainRestOfEpoch() {
    int current = epoch;
    int first = batch;
    pace.startEpoch();
    try (Prefetcher batches = new Prefetcher(() -> data.batches(current, first))) {
      while (stepsDone < length.stepLimit() && batches.hasNext()) {
        Batch next = batches.next();
        long globalStep = stepsDone;
        double[] values = trainOn(next, globalStep);
        if (values.length > 0) {
          firstValues.add(values[0]);
        }
        means.add(values, next.size());
        batch++;
        stepsDone++;
        pace.stepped(next.size());
        step.afterStep(stepsDone, next);
        console.progress(this::status);
        checkpointer.afterStep(stepsDone, this::state);
      }
    }
    pace.endTraining();
  }

  private double[] trainOn(Batch next, long globalStep) {
    try {
      return inContext(job, "training", batch + 1, epoch, () -> step.train(next, globalStep));
    } catch (Step.NonFiniteValue e) {
      throw new TrainException("job " + job + ": " + e.what() + " became " + e.value() + " at epoch "
          + (epoch + 1) + ", step " + (batch + 1) + "; try a lower learning rate, or check the data"
          + checkpointer.lastGood());
    }
  }

  /** The bar's figures; its running mean is the first reported value's, under that value's name. */
  private ProgressBar.Status status() {
    Optional<ProgressBar.Figure> figure = names.stream().findFirst()
        .map(name -> new ProgressBar.Figure(name, means.named(names, "").get(name)));
    return pace.status(length, stepsPerEpoch, epoch, batch, stepsDone, figure);
  }

  private RunState state() {
    return new RunState(epoch, batch, stepsDone, means.sums(), means.examples(), stopped,
        stop.flatMap(StopRule::state));
  }

  /**
   * The reported values of {@code step} over {@code data}, in inference mode, batch by batch as
   * epoch {@code epoch} orders them; a failing batch is named after {@code phase}.
   */
  static WeightedMeans evaluate(Step step, BatchSource data, String job, int epoch, String phase) {
    WeightedMeans means = WeightedMeans.of(step.aggregations());
    try (Prefetcher batches = new Prefetcher(() -> data.batches(epoch, 0))) {
      for (int i = 1; batches.hasNext(); i++) {
        Batch next = batches.next();
        means.add(inContext(job, phase, i, epoch, () -> step.evaluate(next)), next.size());
      }
    }
    return means;
  }

  /**
   * Runs step {@code step} of epoch {@code epoch} (from 0) of a {@code phase} ("training",
   * "validation"), naming it if TensorFlow fails (on a shape that fits no batch, say); the loop's
   * own exceptions pass as they are.
   */
  static double[] inContext(String job, String phase, int step, int epoch, Supplier<double[]> run) {
    try {
      return run.get();
    } catch (TrainException | Step.NonFiniteValue e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TrainException("job " + job + ": " + phase + " step " + step
          + " of epoch " + (epoch + 1) + " failed: " + e.getMessage(), e);
    }
  }

  /** The epochs trained in this process, in order. */
  List<EpochResult> epochs() {
    return epochs;
  }

  /** The first reported value of every step trained in this process (a declarative job's loss). */
  List<Double> firstValues() {
    return firstValues;
  }

  /** The run's figures for {@code report.html}, as they stand after training. */
  RunFacts facts(Optional<Path> resumedFrom, Duration wallTime, int batchSize, long seed) {
    RunFacts facts = new RunFacts(wallTime, resumedFrom)
        .put("epochs", epoch + " of " + length.epochs() + (stopped ? ", stopped early" : ""))
        .put("steps", stepsDone)
        .put("batch", batchSize)
        .put("training records", data.records());
    validation.ifPresent(batches -> facts.put("validation records", batches.records()));
    return facts.put("seed", seed);
  }
}
