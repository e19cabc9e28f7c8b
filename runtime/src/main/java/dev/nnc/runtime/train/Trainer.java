package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
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
 * the data, evaluates the validation data, prints a progress line and appends a row to
 * {@code metrics.csv}, and asks early stopping whether to go on; at the end restores the best
 * weights if early stopping keeps them, and exports the model if the job asks for it.
 */
public final class Trainer {
  private final TrainSpec spec;
  private final TrainOptions options;
  private final long seed;
  private final RunLength runLength;
  private final long stepsPerEpoch;
  private final List<String> names;
  private final StepRunner steps;
  private final List<Double> stepLosses = new ArrayList<>();
  private long stepsDone;

  private Trainer(TrainSpec spec, TrainOptions options, StepRunner steps) {
    this.spec = spec;
    this.options = options;
    this.seed = seedOf(spec, options);
    this.runLength = RunLength.of(spec, options);
    this.stepsPerEpoch = spec.data().batchCount(spec.batch());
    this.names = ReportedValues.names(metricNames(spec));
    this.steps = steps;
  }

  /**
   * Trains {@code spec} as {@code options} say. The user's errors come as {@link TrainException}
   * or {@code DataException}, their messages written for the user.
   */
  public static TrainResult run(TrainSpec spec, TrainOptions options) {
    long start = System.nanoTime();
    try (Graph graph = new Graph()) {
      TrainingGraph trainingGraph = TrainingGraph.build(graph, spec, seedOf(spec, options));
      try (Session session = new Session(graph, sessionConfig());
          StepRunner steps = new StepRunner(session, trainingGraph);
          MetricsCsv csv = MetricsCsv.create(options.logDir(spec.jobName()),
              ReportedValues.columns(metricNames(spec), spec.validation().isPresent()))) {
        Trainer trainer = new Trainer(spec, options, steps);
        Optional<EarlyStopper> stopper = spec.stop().map(stop ->
            new EarlyStopper(stop, trainingGraph.weightStore(), session, trainer::print));
        List<EpochResult> epochs = trainer.epochs(csv, stopper);
        stopper.ifPresent(EarlyStopper::finish);
        if (spec.export().isPresent()) {
          Path exported = SavedModelExport.export(session, trainingGraph, spec.export().get());
          trainer.print("exported the model to " + exported);
        }
        Duration wallTime = Duration.ofNanos(System.nanoTime() - start);
        return new TrainResult(epochs, trainer.stepLosses, wallTime);
      }
    }
  }

  private static long seedOf(TrainSpec spec, TrainOptions options) {
    return options.seed().orElse(spec.seed());
  }

  private static List<String> metricNames(TrainSpec spec) {
    return spec.metrics().stream().map(Metric::name).toList();
  }

  private static ConfigProto sessionConfig() {
    // Soft placement lets ops without a GPU kernel fall back to the CPU on a GPU build.
    return ConfigProto.newBuilder().setAllowSoftPlacement(true).build();
  }

  private List<EpochResult> epochs(MetricsCsv csv, Optional<EarlyStopper> stopper) {
    List<EpochResult> results = new ArrayList<>();
    for (int epoch = 0; epoch < runLength.epochs() && stepsDone < runLength.stepLimit(); epoch++) {
      EpochResult result = epoch(epoch);
      csv.append(epoch, result.values());
      results.add(result);
      if (stopper.isPresent() && stopper.get().stopAfter(result)) {
        break;
      }
    }
    return results;
  }

  private EpochResult epoch(int epoch) {
    long start = System.nanoTime();
    WeightedMeans training = train(epoch);
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> values = training.named(names, "");
    spec.validation().ifPresent(
        data -> values.putAll(evaluate(data, epoch).named(names, ReportedValues.VALIDATION_PREFIX)));
    EpochResult result = new EpochResult(
        epoch, values, training.examples(), Duration.ofNanos(System.nanoTime() - start));
    print(ProgressLine.format(result, runLength.epochs(), trainSeconds));
    return result;
  }

  /** One pass over the training data, or what is left of it under the step limit. */
  private WeightedMeans train(int epoch) {
    WeightedMeans means = new WeightedMeans(names.size());
    int step = 0;
    Dataset data = spec.data();
    try (Prefetcher batches = new Prefetcher(() -> data.batches(spec.batch(), seed, epoch))) {
      while (stepsDone < runLength.stepLimit() && batches.hasNext()) {
        Batch batch = batches.next();
        double learningRate = spec.optimizer().learningRate().at(stepsDone, stepsPerEpoch);
        long globalStep = stepsDone;
        step++;
        stepsDone++;
        double[] values =
            inContext("training", epoch, step, () -> steps.train(batch, learningRate, globalStep));
        requireFinite(values[0], epoch, step);
        stepLosses.add(values[0]);
        means.add(values, batch.size());
      }
    }
    return means;
  }

  private WeightedMeans evaluate(Dataset data, int epoch) {
    WeightedMeans means = new WeightedMeans(names.size());
    try (Prefetcher batches = new Prefetcher(() -> data.batches(spec.batch(), seed, epoch))) {
      for (int step = 1; batches.hasNext(); step++) {
        Batch batch = batches.next();
        means.add(inContext("validation", epoch, step, () -> steps.evaluate(batch)), batch.size());
      }
    }
    return means;
  }

  /** Runs a step, naming it if TensorFlow fails (on a shape that fits no batch, say). */
  private double[] inContext(String phase, int epoch, int step, Supplier<double[]> run) {
    try {
      return run.get();
    } catch (RuntimeException e) {
      throw new TrainException("job " + spec.jobName() + ": " + phase + " step " + step
          + " of epoch " + (epoch + 1) + " failed: " + e.getMessage(), e);
    }
  }

  private void requireFinite(double loss, int epoch, int step) {
    if (!Double.isFinite(loss)) {
      throw new TrainException("job " + spec.jobName() + ": the loss became " + loss + " at epoch "
          + (epoch + 1) + ", step " + step + "; try a lower learning rate, or check the data");
    }
  }

  private void print(String line) {
    if (!options.quiet()) {
      options.out().println(line);
    }
  }
}
