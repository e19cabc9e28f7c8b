package dev.nnc.runtime.train;

import dev.nnc.runtime.distributed.ClusterTask;
import dev.nnc.runtime.distributed.DeviceList;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How one run of a job goes, as opposed to what the job is: overrides from the command line, where
 * logs go, where progress is printed.
 */
public final class TrainOptions {
  /** How progress is shown: {@link #progressBar()} says what each means. */
  public enum Progress { AUTO, BAR, LINES }

  /**
   * How a run treats what an earlier one left in its log directory: {@code NEW} starts a history
   * where there are no checkpoints (and refuses where there are), {@code RESUME} goes on from the
   * newest checkpoint, {@code FRESH} moves the earlier run aside to {@code previous/} and starts anew.
   */
  public enum Start { NEW, RESUME, FRESH }

  private final Integer epochs;
  private final Path logDir;
  private final Long seed;
  private final Long maxSteps;
  private final boolean resume;
  private final boolean fresh;
  private final PrintStream out;
  private final boolean quiet;
  private final Device device;
  private final DeviceList devices;
  private final ClusterTask cluster;
  private final Progress progress;

  private TrainOptions(Builder b) {
    this.epochs = b.epochs;
    this.logDir = b.logDir;
    this.seed = b.seed;
    this.maxSteps = b.maxSteps;
    this.resume = b.resume;
    this.fresh = b.fresh;
    this.out = b.out;
    this.quiet = b.quiet;
    this.device = b.device;
    this.devices = b.devices;
    this.cluster = b.cluster;
    this.progress = b.progress;
  }

  public static TrainOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Replaces the job's epochs (and its steps, if it counts steps). */
  public OptionalInt epochs() {
    return epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs);
  }

  /** Where {@code metrics.csv} and {@code checkpoints/} go; {@code build/runs/<job>} when absent. */
  public Path logDir(String jobName) {
    return logDir != null ? logDir : Path.of("build", "runs", jobName);
  }

  /** Replaces the job's seed. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  /** Stops training after this many steps in all (those before a resume count), ending the epoch early. */
  public OptionalLong maxSteps() {
    return maxSteps == null ? OptionalLong.empty() : OptionalLong.of(maxSteps);
  }

  /** How the run starts: {@code RESUME} if asked, else {@code FRESH} if asked, else {@code NEW}. */
  public Start start() {
    return resume ? Start.RESUME : fresh ? Start.FRESH : Start.NEW;
  }

  public PrintStream out() {
    return out;
  }

  /** True to print nothing; {@code metrics.csv} is written all the same. */
  public boolean quiet() {
    return quiet;
  }

  /** Where the job trains; the CPU unless told otherwise. */
  public Device device() {
    return device;
  }

  /** The devices of {@code --devices}, a replica of the model on each; empty for one device. */
  public Optional<DeviceList> devices() {
    return Optional.ofNullable(devices);
  }

  /** This process's task in a cluster ({@code --cluster}, {@code TF_CONFIG}); empty for one process. */
  public Optional<ClusterTask> cluster() {
    return Optional.ofNullable(cluster);
  }

  /**
   * Whether an epoch shows a bar redrawn in place while it trains, before its line: always with
   * {@code BAR}, never with {@code LINES}, and with {@code AUTO} (the default) when progress goes
   * to {@code System.out} and the JVM has a console — standard input and output are a terminal,
   * not a pipe, a file, CI or a test, where {@code \r} would pile up.
   */
  public boolean progressBar() {
    return switch (progress) {
      case BAR -> true;
      case LINES -> false;
      case AUTO -> out == System.out && System.console() != null;
    };
  }

  /** Collects options; every setter returns this builder. */
  public static final class Builder {
    private Integer epochs;
    private Path logDir;
    private Long seed;
    private Long maxSteps;
    private boolean resume;
    private boolean fresh;
    private PrintStream out = System.out;
    private boolean quiet;
    private Device device = Device.CPU;
    private DeviceList devices;
    private ClusterTask cluster;
    private Progress progress = Progress.AUTO;

    private Builder() {}

    public Builder epochs(int epochs) {
      if (epochs <= 0) {
        throw new IllegalArgumentException("epochs must be positive, not " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    public Builder logDir(Path logDir) {
      this.logDir = Objects.requireNonNull(logDir, "logDir");
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder maxSteps(long maxSteps) {
      if (maxSteps <= 0) {
        throw new IllegalArgumentException("maxSteps must be positive, not " + maxSteps);
      }
      this.maxSteps = maxSteps;
      return this;
    }

    public Builder resume(boolean resume) {
      this.resume = resume;
      return this;
    }

    /** Moves an earlier run's files aside instead of refusing to start over its checkpoints. */
    public Builder fresh(boolean fresh) {
      this.fresh = fresh;
      return this;
    }

    public Builder out(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    public Builder quiet(boolean quiet) {
      this.quiet = quiet;
      return this;
    }

    public Builder device(Device device) {
      this.device = Objects.requireNonNull(device, "device");
      return this;
    }

    /** Trains a replica of the model on each of {@code devices} (in place of {@link #device}), each on its slice of every batch. */
    public Builder devices(DeviceList devices) {
      this.devices = Objects.requireNonNull(devices, "devices");
      return this;
    }

    /** Trains as worker {@code task.index()} of a cluster, on its slice of every global batch. */
    public Builder cluster(ClusterTask task) {
      this.cluster = Objects.requireNonNull(task, "task");
      return this;
    }

    public Builder progress(Progress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    public TrainOptions build() {
      return new TrainOptions(this);
    }
  }
}
