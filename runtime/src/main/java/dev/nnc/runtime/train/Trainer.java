package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * Runs a training job in graph mode: builds the graph once, then per epoch trains on every batch of
 * the data, evaluates the validation data, prints a progress line and appends a row to
 * {@code metrics.csv}; at the end exports the model if the job asks for it.
 */
public final class Trainer {
  private static final String VALIDATION_PREFIX = "val_";

  private final TrainSpec spec;
  private final TrainOptions options;
  private final long seed;
  private final Schedule schedule;
  private final List<String> names;
  private final StepRunner steps;
  private final List<Double> stepLosses = new ArrayList<>();
  private long stepsDone;

  private Trainer(TrainSpec spec, TrainOptions options, StepRunner steps) {
    this.spec = spec;
    this.options = options;
    this.seed = seedOf(spec, options);
    this.schedule = Schedule.of(spec, options);
    this.names = valueNames(spec);
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
          MetricsCsv csv = MetricsCsv.create(options.logDir(spec.jobName()), columns(spec))) {
        Trainer trainer = new Trainer(spec, options, steps);
        List<EpochResult> epochs = trainer.epochs(csv);
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

  private static ConfigProto sessionConfig() {
    // Soft placement lets ops without a GPU kernel fall back to the CPU on a GPU build.
    return ConfigProto.newBuilder().setAllowSoftPlacement(true).build();
  }

  /** The loss and the metrics, in the order they are fetched. */
  private static List<String> valueNames(TrainSpec spec) {
    return Stream.concat(Stream.of("loss"), spec.metrics().stream().map(Metric::name)).toList();
  }

  /** The CSV's columns after {@code epoch}: the training values, then the validation ones. */
  private static List<String> columns(TrainSpec spec) {
    List<String> names = valueNames(spec);
    if (spec.validation().isEmpty()) {
      return names;
    }
    return Stream.concat(names.stream(), names.stream().map(n -> VALIDATION_PREFIX + n)).toList();
  }

  private List<EpochResult> epochs(MetricsCsv csv) {
    List<EpochResult> results = new ArrayList<>();
    for (int epoch = 0; epoch < schedule.epochs() && stepsDone < schedule.stepLimit(); epoch++) {
      EpochResult result = epoch(epoch);
      csv.append(epoch, result.values());
      results.add(result);
    }
    return results;
  }

  private EpochResult epoch(int epoch) {
    long start = System.nanoTime();
    WeightedMeans training = train(epoch);
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    Map<String, Double> values = training.named(names, "");
    spec.validation().ifPresent(
        data -> values.putAll(evaluate(data, epoch).named(names, VALIDATION_PREFIX)));
    EpochResult result = new EpochResult(
        epoch, values, training.examples(), Duration.ofNanos(System.nanoTime() - start));
    print(ProgressLine.format(result, schedule.epochs(), trainSeconds));
    return result;
  }

  /** One pass over the training data, or what is left of it under the step limit. */
  private WeightedMeans train(int epoch) {
    WeightedMeans means = new WeightedMeans(names.size());
    int step = 0;
    Dataset data = spec.data();
    try (Prefetcher batches = new Prefetcher(() -> data.batches(spec.batch(), seed, epoch))) {
      while (stepsDone < schedule.stepLimit() && batches.hasNext()) {
        Batch batch = batches.next();
        step++;
        stepsDone++;
        double[] values = inContext("training", epoch, step, () -> steps.train(batch));
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
