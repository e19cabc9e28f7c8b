package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.check.PathText;
import dev.nnc.compiler.run.JobRunner;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.distributed.ClusterConfig;
import dev.nnc.runtime.distributed.ClusterException;
import dev.nnc.runtime.distributed.ClusterTask;
import dev.nnc.runtime.distributed.DeviceList;
import dev.nnc.runtime.train.Device;
import dev.nnc.runtime.train.TrainException;
import dev.nnc.runtime.train.TrainOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", description = "Checks a .nn file, compiles its train job and runs it.")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SourceOptions options;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file.")
  Path file;

  @Option(names = "--job", paramLabel = "NAME", description = "The train job to run (needed when the file has several).")
  String job;

  @Option(names = "--epochs", paramLabel = "N", description = "Override the job's epochs.")
  Integer epochs;

  @Option(names = "--steps", paramLabel = "N", description = "Stop after N steps in all (a quick try).")
  Long steps;

  @Option(names = "--log-dir", paramLabel = "DIR",
      description = "Where metrics.csv and checkpoints/ go (default: build/runs/<job>).")
  Path logDir;

  @Option(names = "--resume",
      description = "Go on from the newest checkpoint in the log directory, as if the run had never stopped.")
  boolean resume;

  @Option(names = "--fresh",
      description = "Start a new run where an earlier one left checkpoints, moving its files aside to <log-dir>/previous/<time>/.")
  boolean fresh;

  @Option(names = "--seed", paramLabel = "N", description = "Override the job's seed.")
  Long seed;

  @Option(names = "--device", paramLabel = "cpu|gpu|gpu:N", converter = DeviceConverter.class,
      description = "Where to train (default: cpu); a GPU needs the GPU build of nnc (NNC_GPU=1).")
  Device device;

  @Option(names = "--devices", paramLabel = "cpu:0,cpu:1|gpu:0,gpu:1", converter = DevicesConverter.class,
      description = "Train a replica of the model on each device, each on its slice of every batch, the"
          + " gradients averaged into one update (cpu:N are TensorFlow's virtual CPUs).")
  DeviceList devices;

  @Option(names = "--cluster", paramLabel = "FILE",
      description = "Train as a worker of the cluster FILE describes ({\"cluster\": {\"worker\": [\"host:port\", ...]}},"
          + " TensorFlow's TF_CONFIG format, which is read when this is absent); worker 0 writes.")
  Path cluster;

  @Option(names = "--task", paramLabel = "N", description = "Which worker of --cluster this process is (from 0).")
  Integer task;

  /** Devices listed wrongly are a usage error, with the forms there are. */
  static final class DevicesConverter implements ITypeConverter<DeviceList> {
    @Override
    public DeviceList convert(String value) {
      try {
        return DeviceList.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** A device named wrongly is a usage error, with the forms there are. */
  static final class DeviceConverter implements ITypeConverter<Device> {
    @Override
    public Device convert(String value) {
      try {
        return Device.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Lower case, as typed; the runtime's {@link TrainOptions.Progress} of the same name. */
  enum Progress { auto, bar, lines }

  @Option(names = "--progress", description = "How each epoch shows its progress: ${COMPLETION-CANDIDATES}"
      + " (default: auto, a bar redrawn in place when the console is a terminal, one line per epoch otherwise).")
  Progress progress = Progress.auto;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (device != null && devices != null) {
      err.println("error: --device trains on one device and --devices on several: give one of them");
      return Nnc.USAGE;
    }
    if (task != null && cluster == null) {
      err.println("error: --task N names this process's worker in --cluster FILE; give the cluster too");
      return Nnc.USAGE;
    }
    if (resume && fresh) {
      err.println("error: --resume goes on from the earlier run and --fresh sets it aside: give one of them");
      return Nnc.USAGE;
    }
    // Checked before the run, which would otherwise fail only when it writes there.
    Optional<String> badLogDir = logDir == null ? Optional.empty() : PathText.problem(logDir.toString());
    if (badLogDir.isPresent()) {
      err.println("error: --log-dir " + logDir + " has " + badLogDir.get() + "; name a folder without control characters");
      return Nnc.USAGE;
    }
    Compilation c = options.compile(file, err);
    if (c == null || !c.succeeded()) {
      return Nnc.PROGRAM_ERRORS;
    }
    if (job != null && c.program().sampleJobNames().contains(job)) {
      err.println("error: " + job + " is a sample job, which generates text and trains nothing; run it with `nnc sample "
          + file + " --job " + job + "`");
      return Nnc.PROGRAM_ERRORS;
    }
    String chosen = JobChoice.choose(file, "train", c.program().jobNames(), job, err);
    if (chosen == null) {
      return Nnc.PROGRAM_ERRORS;
    }
    TrainOptions.Builder train = TrainOptions.builder();
    if (epochs != null) {
      train.epochs(epochs);
    }
    if (steps != null) {
      train.maxSteps(steps);
    }
    if (logDir != null) {
      train.logDir(logDir);
    }
    if (seed != null) {
      train.seed(seed);
    }
    if (device != null) {
      train.device(device);
    }
    if (devices != null) {
      train.devices(devices);
    }
    Optional<ClusterTask> worker;
    try {
      worker = (cluster != null ? Optional.of(ClusterConfig.read(cluster)) : ClusterConfig.fromEnvironment(System.getenv()))
          .map(config -> config.taskFor(task == null ? OptionalInt.empty() : OptionalInt.of(task)));
    } catch (ClusterException e) {
      err.println("error: " + e.getMessage());
      return Nnc.USAGE;
    }
    if (worker.isPresent() && devices != null) {
      err.println("error: --devices trains several replicas in one process and a cluster one per worker: give one of them");
      return Nnc.USAGE;
    }
    worker.ifPresent(train::cluster);
    // The other workers' lines are worker 0's figures again.
    worker.filter(w -> !w.isChief()).ifPresent(w -> train.quiet(true));
    train.resume(resume).fresh(fresh);
    train.progress(TrainOptions.Progress.valueOf(progress.name().toUpperCase(Locale.ROOT)));
    try {
      JobRunner.run(c.program(), chosen, options.dataDirs, train.build());
      return Nnc.OK;
    } catch (DataException | TrainException e) {
      err.println("error: " + e.getMessage());
      return Nnc.PROGRAM_ERRORS;
    }
  }
}
