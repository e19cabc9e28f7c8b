package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A training job as declared: the model and how its inputs are fed, the data, the loss, the
 * optimizer, the metrics, how long to train and when to stop early, how gradients and weights are
 * held in check, and how often to write checkpoints. Immutable; made with {@link #builder(String)},
 * whose {@code build()} checks that the data fits the model.
 */
public final class TrainSpec {
  private final String jobName;
  private final ModelFunction model;
  private final List<Field> inputs;
  private final List<String> outputs;
  private final Map<String, String> feeds;
  private final Dataset data;
  private final Dataset validation;
  private final TensorFunction loss;
  private final OptimizerSpec optimizer;
  private final int batch;
  private final int epochs;
  private final Long steps;
  private final List<Metric> metrics;
  private final String export;
  private final long seed;
  private final EarlyStopping stop;
  private final GradientClipping clip;
  private final WeightPenalty regularize;
  private final CheckpointPolicy checkpoint;
  private final JobSource source;

  private TrainSpec(Builder b, Map<String, String> feeds) {
    this.jobName = b.jobName;
    this.model = b.model;
    this.inputs = List.copyOf(b.inputs);
    this.outputs = List.copyOf(b.outputs);
    this.feeds = Map.copyOf(feeds);
    this.data = b.data;
    this.validation = b.validation;
    this.loss = b.loss;
    this.optimizer = b.optimizer;
    this.batch = b.batch;
    this.epochs = b.epochs == null ? JobDefaults.EPOCHS : b.epochs;
    this.steps = b.steps;
    this.metrics = List.copyOf(b.metrics);
    this.export = b.export;
    this.seed = b.seed;
    this.stop = b.stop;
    this.clip = b.clip;
    this.regularize = b.regularize;
    this.checkpoint = b.checkpoint;
    this.source = b.source;
  }

  public static Builder builder(String jobName) {
    return new Builder(jobName);
  }

  public String jobName() {
    return jobName;
  }

  public ModelFunction model() {
    return model;
  }

  /** The model's inputs, in declaration order. */
  public List<Field> inputs() {
    return inputs;
  }

  /** The model's output names, in declaration order. */
  public List<String> outputs() {
    return outputs;
  }

  /** The name of the data field that feeds model input {@code input}. */
  public String fieldFor(String input) {
    return feeds.get(input);
  }

  public Dataset data() {
    return data;
  }

  public Optional<Dataset> validation() {
    return Optional.ofNullable(validation);
  }

  public TensorFunction loss() {
    return loss;
  }

  public OptimizerSpec optimizer() {
    return optimizer;
  }

  public int batch() {
    return batch;
  }

  /** The number of epochs; ignored when {@link #steps()} is set. */
  public int epochs() {
    return epochs;
  }

  /** The total number of training steps, when the job counts steps rather than epochs. */
  public OptionalLong steps() {
    return steps == null ? OptionalLong.empty() : OptionalLong.of(steps);
  }

  public List<Metric> metrics() {
    return metrics;
  }

  /** The directory to write the trained model to as a SavedModel. */
  public Optional<String> export() {
    return Optional.ofNullable(export);
  }

  public long seed() {
    return seed;
  }

  public Optional<EarlyStopping> stop() {
    return Optional.ofNullable(stop);
  }

  public Optional<GradientClipping> clip() {
    return Optional.ofNullable(clip);
  }

  public Optional<WeightPenalty> regularize() {
    return Optional.ofNullable(regularize);
  }

  /** How often checkpoints are written, and how many are kept; none when absent. */
  public Optional<CheckpointPolicy> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /** The {@code .nn} file the job was compiled from, exported with the model; absent for a hand-built spec. */
  public Optional<JobSource> source() {
    return Optional.ofNullable(source);
  }

  /** Collects a job's parts; every setter returns this builder. */
  public static final class Builder {
    private final String jobName;
    private ModelFunction model;
    private List<Field> inputs = List.of();
    private List<String> outputs = List.of();
    private final Map<String, String> feeds = new LinkedHashMap<>();
    private Dataset data;
    private Dataset validation;
    private TensorFunction loss;
    private OptimizerSpec optimizer;
    private int batch = JobDefaults.BATCH;
    private Integer epochs;
    private Long steps;
    private final List<Metric> metrics = new ArrayList<>();
    private String export;
    private long seed = JobDefaults.SEED;
    private EarlyStopping stop;
    private GradientClipping clip;
    private WeightPenalty regularize;
    private CheckpointPolicy checkpoint;
    private JobSource source;

    private Builder(String jobName) {
      this.jobName = Objects.requireNonNull(jobName, "jobName");
    }

    /** The model, its inputs (each with the type and shape of one record) and its output names. */
    public Builder model(ModelFunction fn, List<Field> inputs, List<String> outputs) {
      this.model = Objects.requireNonNull(fn, "fn");
      this.inputs = List.copyOf(inputs);
      this.outputs = List.copyOf(outputs);
      return this;
    }

    /** Feeds model input {@code input} from data field {@code field} (by default the same name). */
    public Builder feed(String input, String field) {
      feeds.put(input, field);
      return this;
    }

    public Builder data(Dataset data) {
      this.data = data;
      return this;
    }

    /** Data evaluated after every epoch, with the model in inference mode. */
    public Builder validate(Dataset validation) {
      this.validation = validation;
      return this;
    }

    public Builder loss(TensorFunction loss) {
      this.loss = loss;
      return this;
    }

    public Builder optimizer(OptimizerSpec optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    public Builder batch(int batch) {
      this.batch = batch;
      return this;
    }

    public Builder epochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    /** Trains for this many steps in all instead of a number of epochs. */
    public Builder steps(long steps) {
      this.steps = steps;
      return this;
    }

    /** A metric averaged over the epoch's records; {@code value} is the batch's mean. */
    public Builder metric(String name, TensorFunction value) {
      metrics.add(new Metric(name, value, Metric.Aggregation.MEAN));
      return this;
    }

    /** A metric reported as a ratio of sums over the epoch; {@code parts} is the batch's [numerator, denominator]. */
    public Builder ratioMetric(String name, TensorFunction parts) {
      metrics.add(new Metric(name, parts, Metric.Aggregation.RATIO));
      return this;
    }

    public Builder export(String dir) {
      this.export = dir;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Stops training when the monitored value stops improving. */
    public Builder stop(EarlyStopping stop) {
      this.stop = stop;
      return this;
    }

    /** Bounds the gradients before every update. */
    public Builder clip(GradientClipping clip) {
      this.clip = clip;
      return this;
    }

    /** Adds a penalty on the model's kernels to the loss. */
    public Builder regularize(WeightPenalty regularize) {
      this.regularize = regularize;
      return this;
    }

    /** Writes checkpoints to resume from as {@code checkpoint} says. */
    public Builder checkpoint(CheckpointPolicy checkpoint) {
      this.checkpoint = checkpoint;
      return this;
    }

    /** The {@code .nn} file the job comes from: {@code name} (no directories) and its whole text. */
    public Builder source(String name, String text) {
      this.source = new JobSource(name, text);
      return this;
    }

    /** The spec, once {@link SpecCheck} finds it complete and its data fitting its model. */
    public TrainSpec build() {
      SpecCheck check = new SpecCheck(jobName);
      check.require(model != null, "no model");
      check.require(data != null, "no training data");
      check.require(data.size() > 0, "the training data holds no records");
      check.require(loss != null, "no loss");
      check.require(optimizer != null, "no optimizer");
      check.require(batch > 0, "the batch size must be positive, not " + batch);
      check.require(epochs == null || epochs > 0, "epochs must be positive, not " + epochs);
      check.require(steps == null || steps > 0, "steps must be positive, not " + steps);
      check.require(epochs == null || steps == null, "give epochs or steps, not both");
      check.outputs(outputs, metrics, data);
      if (stop != null) {
        check.monitor(stop.monitor(), metrics, validation != null);
      }
      Map<String, String> resolvedFeeds = check.feeds(inputs, feeds, data);
      if (validation != null) {
        check.require(validation.size() > 0, "the validation data holds no records");
        check.validationFits(data, validation);
      }
      return new TrainSpec(this, resolvedFeeds);
    }
  }
}
