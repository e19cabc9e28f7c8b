package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A training job with a custom step (LANGUAGE.md §7.2): its models, each one set of weights however
 * often the step applies it; the data; the step, built once into the graph by the generated code; the
 * {@code every} blocks; and which models to export where. Made with {@link #builder(String)}.
 */
public final class StepSpec {
  private final String jobName;
  private final List<StepModel> models;
  private final Dataset data;
  private final Dataset validation;
  private final EarlyStopping stop;
  private final GradientClipping clip;
  private final WeightPenalty regularize;
  private final int batch;
  private final int epochs;
  private final Long steps;
  private final long seed;
  private final Consumer<StepBuilder> step;
  private final List<Every> every;
  private final Map<String, String> exports;
  private final Map<String, String> restores;
  private final JobSource source;
  private final CheckpointPolicy checkpoint;
  private final ActingSpec acting;

  private StepSpec(Builder b) {
    this.jobName = b.jobName;
    this.models = List.copyOf(b.models);
    this.data = b.data;
    this.validation = b.validation;
    this.stop = b.stop;
    this.clip = b.clip;
    this.regularize = b.regularize;
    this.batch = b.batch;
    this.epochs = b.epochs == null ? JobDefaults.EPOCHS : b.epochs;
    this.steps = b.steps;
    this.seed = b.seed;
    this.step = b.step;
    this.every = List.copyOf(b.every);
    // In declaration order, run after run: Map.copyOf's order changes from one JVM to the next.
    this.exports = Collections.unmodifiableMap(new LinkedHashMap<>(b.exports));
    this.restores = Collections.unmodifiableMap(new LinkedHashMap<>(b.restores));
    this.source = b.source;
    this.checkpoint = b.checkpoint;
    this.acting = b.acting;
  }

  public static Builder builder(String jobName) {
    return new Builder(jobName);
  }

  public String jobName() {
    return jobName;
  }

  public List<StepModel> models() {
    return models;
  }

  /** The training records; null in a job that learns by acting. */
  public Dataset data() {
    return data;
  }

  /** With {@code env:}, the environment and how the job acts in it, in place of data. */
  public Optional<ActingSpec> acting() {
    return Optional.ofNullable(acting);
  }

  /** The fields a step reads: the data's, or a transition's when the job learns by acting. */
  public List<Field> fields() {
    return acting != null ? acting.transitionFields() : data.fields();
  }

  /** Data the step's reported values are computed on after every epoch, in inference mode, as {@code val_...}. */
  public Optional<Dataset> validation() {
    return Optional.ofNullable(validation);
  }

  /** Stops the run when a reported value stops improving. */
  public Optional<EarlyStopping> stop() {
    return Optional.ofNullable(stop);
  }

  /** How every {@code minimize} bounds its gradients before its optimizer sees them. */
  public Optional<GradientClipping> clip() {
    return Optional.ofNullable(clip);
  }

  /** The penalty every {@code minimize} adds on the kernels of the models it trains. */
  public Optional<WeightPenalty> regularize() {
    return Optional.ofNullable(regularize);
  }

  public int batch() {
    return batch;
  }

  public int epochs() {
    return epochs;
  }

  public OptionalLong steps() {
    return steps == null ? OptionalLong.empty() : OptionalLong.of(steps);
  }

  public long seed() {
    return seed;
  }

  /** Builds the step's statements on a {@link StepBuilder}, once, when the graph is made. */
  public Consumer<StepBuilder> step() {
    return step;
  }

  public List<Every> every() {
    return every;
  }

  /** The directory each exported model goes to, by model name. */
  public Map<String, String> exports() {
    return exports;
  }

  /** The exported model each model's weights start from, by model name; the others start afresh. */
  /** The {@code .nn} file the job came from, when it exports a model. */
  public Optional<JobSource> source() {
    return Optional.ofNullable(source);
  }

  public Map<String, String> restores() {
    return restores;
  }

  /** How often checkpoints are written, and how many are kept; none when absent. */
  public Optional<CheckpointPolicy> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /**
   * A model of the job: {@code inputs} are the record shapes of its own inputs, which its exported
   * SavedModel takes.
   */
  public record StepModel(String name, ModelFunction function, List<Field> inputs, List<String> outputs) {}

  /** {@code every(1000 steps) { ... }}: statements run now and then, with the models in inference mode. */
  public record Every(Period period, Consumer<StepBuilder> body) {}

  /** Collects a job's parts; every setter returns this builder. */
  public static final class Builder {
    private final String jobName;
    private final List<StepModel> models = new ArrayList<>();
    private Dataset data;
    private Dataset validation;
    private EarlyStopping stop;
    private GradientClipping clip;
    private WeightPenalty regularize;
    private int batch = JobDefaults.BATCH;
    private Integer epochs;
    private Long steps;
    private long seed = JobDefaults.SEED;
    private Consumer<StepBuilder> step;
    private final List<Every> every = new ArrayList<>();
    private final Map<String, String> exports = new LinkedHashMap<>();
    private final Map<String, String> restores = new LinkedHashMap<>();
    private JobSource source;
    private CheckpointPolicy checkpoint;
    private ActingSpec acting;

    private Builder(String jobName) {
      this.jobName = Objects.requireNonNull(jobName, "jobName");
    }

    public Builder model(String name, ModelFunction fn, List<Field> inputs, List<String> outputs) {
      models.add(new StepModel(name, fn, inputs, outputs));
      return this;
    }

    public Builder data(Dataset data) {
      this.data = data;
      return this;
    }

    /** Data evaluated after every epoch: each reported value computed on it with the models in inference mode. */
    public Builder validate(Dataset validation) {
      this.validation = validation;
      return this;
    }

    /** Stops training when the monitored reported value stops improving. */
    public Builder stop(EarlyStopping stop) {
      this.stop = stop;
      return this;
    }

    /** Bounds the gradients of every {@code minimize} before its update. */
    public Builder clip(GradientClipping clip) {
      this.clip = clip;
      return this;
    }

    /** Adds a penalty on the kernels of the models each {@code minimize} trains to what it minimizes. */
    public Builder regularize(WeightPenalty regularize) {
      this.regularize = regularize;
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

    public Builder steps(long steps) {
      this.steps = steps;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder step(Consumer<StepBuilder> step) {
      this.step = step;
      return this;
    }

    public Builder every(Period period, Consumer<StepBuilder> body) {
      every.add(new Every(period, body));
      return this;
    }

    public Builder export(String model, String dir) {
      exports.put(model, dir);
      return this;
    }

    /** The {@code .nn} file the job came from, exported with its models. */
    public Builder source(String name, String text) {
      this.source = new JobSource(name, text);
      return this;
    }

    /** Starts model {@code model} from the weights exported to {@code dir}. */
    public Builder restore(String model, String dir) {
      restores.put(model, dir);
      return this;
    }

    /** Writes checkpoints to resume from as {@code checkpoint} says. */
    public Builder checkpoint(CheckpointPolicy checkpoint) {
      this.checkpoint = checkpoint;
      return this;
    }

    /** Learns by acting in an environment: its experience is the step's data. */
    public Builder acting(ActingSpec acting) {
      this.acting = acting;
      return this;
    }

    public StepSpec build() {
      SpecCheck check = new SpecCheck(jobName);
      check.require(!models.isEmpty(), "no model");
      check.require(data != null || acting != null, "no training data");
      check.require(data == null || acting == null, "give data or an environment, not both");
      check.require(data == null || data.size() > 0, "the training data holds no records");
      check.require(step != null, "no step");
      check.require(batch > 0, "the batch size must be positive, not " + batch);
      check.require(epochs == null || steps == null, "give epochs or steps, not both");
      if (validation != null) {
        check.require(validation.size() > 0, "the validation data holds no records");
        check.validationFits(data, validation);
      }
      for (String model : exports.keySet()) {
        check.require(models.stream().anyMatch(m -> m.name().equals(model)), "no model " + model + " to export");
      }
      for (String model : restores.keySet()) {
        check.require(models.stream().anyMatch(m -> m.name().equals(model)), "no model " + model + " to restore");
      }
      return new StepSpec(this);
    }
  }
}
