package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.report.ConfusionMatrix;
import dev.nnc.runtime.report.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * Runs a training job in graph mode: builds the graph once, then per epoch trains on every batch of
 * the data, evaluates the validation data, prints a progress line, appends a row to
 * {@code metrics.csv} and the epoch's values to TensorBoard's event files, and asks early stopping whether to go on; checkpoints are written as the job
 * says. At the end it restores the best weights if early stopping keeps them, and exports the model
 * if the job asks for it, and writes {@code report.html}. A resumed run first puts back the newest checkpoint and goes on from there,
 * as if it had never stopped.
 */
public final class Trainer {
  private final TrainSpec spec;
  private final Console console;
  private final long seed;
  private final RunLength runLength;
  private final long stepsPerEpoch;
  private final List<String> names;
  private final StepRunner steps;
  private final MetricsCsv csv;
  private final EventLog events;
  private final Checkpointer checkpointer;
  private final List<Double> stepLosses = new ArrayList<>();
  private final List<EpochResult> epochs = new ArrayList<>();
  private final Optional<EarlyStopper> stopper;
  private final Pace pace = new Pace();
  private int epoch;
  private int batch;
  private long stepsDone;
  private WeightedMeans means;
  private boolean stopped;

  private Trainer(TrainSpec spec, TrainOptions options, Console console, StepRunner steps, MetricsCsv csv,
      EventLog events, Checkpointer checkpointer, Optional<EarlyStopper> stopper, Optional<RunState> resumed) {
    this.spec = spec;
    this.console = console;
    this.seed = seedOf(spec, options);
    this.runLength = RunLength.of(spec, options);
    this.stepsPerEpoch = spec.data().batchCount(spec.batch());
    this.names = ReportedValues.names(metricNames(spec));
    this.steps = steps;
    this.csv = csv;
    this.events = events;
    this.checkpointer = checkpointer;
    this.stopper = stopper;
    this.epoch = resumed.map(RunState::epoch).orElse(0);
    this.batch = resumed.map(RunState::batch).orElse(0);
    this.stepsDone = resumed.map(RunState::step).orElse(0L);
    this.means = resumed.map(s -> new WeightedMeans(spec.metrics(), s.sums(), s.examples()))
        .orElseGet(() -> new WeightedMeans(spec.metrics()));
    this.stopped = resumed.map(RunState::stopped).orElse(false);
  }

  /**
   * Trains {@code spec} as {@code options} say. The user's errors come as {@link TrainException}
   * or {@code DataException}, their messages written for the user.
   */
  public static TrainResult run(TrainSpec spec, TrainOptions options) {
    return run(spec, options, JobDescription.none());
  }

  /**
   * Trains {@code spec} as {@code options} say, and writes {@code report.html} with what the
   * compiler's {@code description} adds: the layer table, the settings as written, and a
   * classifier's confusion matrix on the validation data.
   */
  public static TrainResult run(TrainSpec spec, TrainOptions options, JobDescription description) {
    long start = System.nanoTime();
    long seed = seedOf(spec, options);
    Console console = Console.of(options);
    Path logDir = options.logDir(spec.jobName());
    try (Graph graph = new Graph()) {
      TrainingGraph trainingGraph = TrainingGraph.build(graph, spec, seed);
      Fingerprint fingerprint = Fingerprint.of(graph, spec, seed);
      // The device first: a run refused one leaves the log directory as it was.
      try (Session session = options.device().open(graph, sessionConfig());
          RunFiles files = RunFiles.open(logDir, fingerprint, spec.checkpoint(), options.start(),
              spec.validation().isPresent(), console::line);
          StepRunner steps = new StepRunner(session, trainingGraph)) {
        Optional<Checkpoint> resumed = files.resumed();
        Checkpointer checkpointer = files.start(session, trainingGraph.weightsFinite());
        Optional<EarlyStopper> stopper = spec.stop().map(stop -> new EarlyStopper(stop,
            resumed.flatMap(c -> c.state().stopper()), trainingGraph.weightStore(), session,
            console::line));
        Trainer trainer = new Trainer(spec, options, console, steps, files.csv(), files.events(), checkpointer,
            stopper, files.resumedState());
        resumed.ifPresent(c -> console.line(c.resuming(trainer.moreToTrain())));
        trainer.train();
        stopper.ifPresent(EarlyStopper::finish);
        Optional<ConfusionMatrix> confusion = description.classifier().flatMap(c -> spec.validation()
            .map(data -> Confusion.count(steps, trainingGraph, c, data, spec.batch(), seed, spec.jobName())));
        Optional<Path> exported = spec.export().map(dir -> SavedModelExport.export(session, trainingGraph, spec, description.classifier()));
        exported.ifPresent(dir -> console.line("exported the model to " + dir));
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        trainer.report(logDir, description, confusion, exported, resumed.map(Checkpoint::dir), wallTime);
        return new TrainResult(trainer.epochs, trainer.stepLosses, wallTime);
      }
    }
  }

  private void report(Path logDir, JobDescription description, Optional<ConfusionMatrix> confusion,
      Optional<Path> exported, Optional<Path> resumedFrom, Duration wallTime) {
    RunFacts facts = new RunFacts(wallTime, resumedFrom)
        .put("epochs", epoch + " of " + runLength.epochs() + (stopped ? ", stopped early" : ""))
        .put("steps", stepsDone)
        .put("batch", spec.batch())
        .put("training records", spec.data().size());
    spec.validation().ifPresent(data -> facts.put("validation records", data.size()));
    facts.put("seed", seed);
    exported.ifPresent(dir -> facts.put("exported to", dir));
    writeReport(logDir, spec.jobName(), facts, description, confusion);
  }

  /** Writes {@code report.html}; a log directory that refuses it is the user's to fix. */
  static void writeReport(Path logDir, String job, RunFacts facts, JobDescription description,
      Optional<ConfusionMatrix> confusion) {
    try {
      RunReport.write(logDir, job, facts.facts(), description, confusion);
    } catch (IOException e) {
      throw new TrainException("cannot write " + logDir.resolve(RunReport.FILE_NAME) + ": " + e.getMessage(), e);
    }
  }

  private static long seedOf(TrainSpec spec, TrainOptions options) {
    return options.seed().orElse(spec.seed());
  }

  static List<String> metricNames(TrainSpec spec) {
    return spec.metrics().stream().map(Metric::name).toList();
  }

  static ConfigProto sessionConfig() {
    // Soft placement lets ops without a GPU kernel fall back to the CPU on a GPU build.
    return ConfigProto.newBuilder().setAllowSoftPlacement(true).build();
  }

  /** Whether the run goes on: not stopped early, and more to train (see {@link RunLength#moreToTrain}). */
  private boolean moreToTrain() {
    return !stopped && runLength.moreToTrain(epoch, batch, stepsDone);
  }

  private void train() {
    while (moreToTrain()) {
      EpochResult result = epoch();
      csv.append(epoch, result.values());
      events.append(epoch, result.values());
      epochs.add(result);
      stopped = stopper.isPresent() && stopper.get().stopAfter(result);
      boolean whole = batch == stepsPerEpoch;
      epoch++;
      batch = 0;
      means = new WeightedMeans(spec.metrics());
      steps.resetStates();
      // An epoch cut short by the step limit ends the run; a checkpoint of it would skip the rest.
      if (whole) {
        checkpointer.afterEpoch(epoch, this::state);
      }
    }
  }

  private EpochResult epoch() {
    long start = System.nanoTime();
    trainRestOfEpoch();
    long trained = System.nanoTime();
    double trainSeconds = (trained - start) / 1e9;
    Map<String, Double> values = means.named(names, "");
    int current = epoch;
    spec.validation().ifPresent(data -> {
      values.putAll(evaluate(data, current).named(names, ReportedValues.VALIDATION_PREFIX));
      pace.validated((System.nanoTime() - trained) / 1e9);
    });
    EpochResult result = new EpochResult(
        epoch, values, means.examples(), Duration.ofNanos(System.nanoTime() - start));
    console.line(ProgressLine.format(result, runLength.epochs(), trainSeconds));
    return result;
  }

  /** The batches of the epoch not yet trained on, or as many as the step limit leaves. */
  private void trainRestOfEpoch() {
    Dataset data = spec.data();
    int current = epoch;
    int first = batch;
    pace.startEpoch();
    try (Prefetcher batches = new Prefetcher(() -> data.batches(spec.batch(), seed, current, first))) {
      while (stepsDone < runLength.stepLimit() && batches.hasNext()) {
        Batch next = batches.next();
        double learningRate = spec.optimizer().learningRate().at(stepsDone, stepsPerEpoch);
        long globalStep = stepsDone;
        batch++;
        stepsDone++;
        double[] values = inContext(spec.jobName(), "training", batch, epoch, () -> steps.train(next, learningRate, globalStep));
        requireFinite(values[0]);
        stepLosses.add(values[0]);
        means.add(values, next.size());
        pace.stepped(next.size());
        console.progress(this::status);
        checkpointer.afterStep(stepsDone, this::state);
      }
    }
    pace.endTraining();
  }

  private ProgressBar.Status status() {
    return pace.status(runLength, stepsPerEpoch, epoch, batch, stepsDone,
        Optional.of(new ProgressBar.Figure("loss", means.named(names, "").get("loss"))));
  }

  private WeightedMeans evaluate(Dataset data, int epoch) {
    return Evaluator.means(steps, spec, data, seed, epoch, "validation");
  }

  private RunState state() {
    return new RunState(epoch, batch, stepsDone, means.sums(), means.examples(), stopped,
        stopper.map(EarlyStopper::state));
  }

  /**
   * Runs step {@code step} of epoch {@code epoch} (from 0) of a {@code phase} ("training",
   * "validation"), naming it if TensorFlow fails (on a shape that fits no batch, say).
   */
  static double[] inContext(String job, String phase, int step, int epoch, Supplier<double[]> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      throw new TrainException("job " + job + ": " + phase + " step " + step
          + " of epoch " + (epoch + 1) + " failed: " + e.getMessage(), e);
    }
  }

  private void requireFinite(double loss) {
    if (!Double.isFinite(loss)) {
      throw new TrainException("job " + spec.jobName() + ": the loss became " + loss + " at epoch "
          + (epoch + 1) + ", step " + batch + "; try a lower learning rate, or check the data"
          + checkpointer.lastGood());
    }
  }
}
