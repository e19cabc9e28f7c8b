package dev.nnc.runtime.train;

import dev.nnc.runtime.distributed.Broadcast;
import dev.nnc.runtime.distributed.ClusterException;
import dev.nnc.runtime.distributed.ClusterTask;
import dev.nnc.runtime.distributed.ClusterTimeouts;
import dev.nnc.runtime.distributed.CollectiveGroup;
import dev.nnc.runtime.distributed.DeviceList;
import dev.nnc.runtime.distributed.WorkerServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.function.Consumer;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a job trains, for its trainer: on the device of {@code --device}, on the devices of
 * {@code --devices} (a replica each), or as one worker of a cluster ({@code --cluster},
 * {@code TF_CONFIG}). It checks, before anything is written, that every batch splits into one equal
 * slice per replica; says how the step is replicated; opens the session; in a cluster starts this
 * worker's server, sends worker 0's weights to the others before the first step, and turns a
 * failed collective into an error naming the worker that died or hung. Worker 0 alone writes.
 */
final class TrainingSession {
  private final TrainOptions options;
  private final Optional<WorkerServer> server;
  /** Numbers the cluster's collectives, the gradients' and reports' first, then the broadcast's: the same on every worker. */
  private final Optional<CollectiveGroup> group;
  private Op broadcast;

  private TrainingSession(TrainOptions options, Optional<WorkerServer> server) {
    this.options = options;
    this.server = server;
    this.group = server.map(s -> CollectiveGroup.of(s.task(), s.timeouts()));
  }

  /**
   * Checks the job's batches ({@code batch} of {@code records}, and the validation records, if any)
   * against the replicas, then, in a cluster, starts this worker's server (printing to {@code notes}
   * what its open port means) and waits for the others.
   */
  static TrainingSession start(String job, TrainOptions options, int batch, long records, Optional<Long> validation,
      Consumer<String> notes) {
    int replicas = options.cluster().map(ClusterTask::size).or(() -> options.devices().map(DeviceList::size)).orElse(1);
    String each = options.cluster().isPresent() ? "worker of the cluster"
        : "device of --devices " + options.devices().map(DeviceList::toString).orElse("");
    requireSplittable(job, replicas, each, batch, "training", records);
    validation.ifPresent(size -> requireSplittable(job, replicas, each, batch, "validation", size));
    if (options.cluster().isPresent() && options.start() == TrainOptions.Start.RESUME) {
      throw new TrainException("job " + job + ": --resume of a cluster is not supported yet; resume it in one process");
    }
    try {
      Optional<WorkerServer> server = options.cluster().map(task -> {
        WorkerServer started = WorkerServer.start(task, ClusterTimeouts.DEFAULT, ConfigProto.getDefaultInstance());
        notes.accept("warning: " + started.exposure());
        return started;
      });
      return new TrainingSession(options, server);
    } catch (ClusterException e) {
      throw new TrainException("job " + job + ": " + e.getMessage(), e);
    }
  }

  /** How the job's step is replicated. */
  Replication replication() {
    if (server.isPresent()) {
      return Replication.inCluster(server.get().task(), group.get());
    }
    return options.devices().map(Replication::onDevices).orElse(Replication.NONE);
  }

  /** Whether this process writes logs, checkpoints, the report and exports: always, but for workers other than 0. */
  boolean writes() {
    return server.map(s -> s.task().isChief()).orElse(true);
  }

  /**
   * Where the run writes: {@code logDir}, but for workers other than 0, which keep what the loop
   * writes (the same figures as worker 0's) in a folder of their own, deleted when the process ends.
   */
  Path logDir(Path logDir) {
    if (writes()) {
      return logDir;
    }
    try {
      Path own = Files.createTempDirectory("nnc-worker-" + server.get().task().index() + "-");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(own)));
      return own;
    } catch (IOException e) {
      throw new TrainException("cannot make a folder for worker " + server.get().task().index() + "'s files: " + e.getMessage(), e);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Best effort: the folder is under the system's temporary files.
    }
  }

  /** A session for {@code graph}, which is built whole: in a cluster, with every variable initialized here and the broadcast built. */
  Session open(Graph graph, ConfigProto config) {
    if (server.isPresent()) {
      // The variables in the order they were made, the same on every worker; built before the session opens.
      broadcast = Broadcast.fromChief(Ops.create(graph).withSubScope("cluster"), Broadcast.floatVariables(graph),
          group.get(), server.get().task().isChief());
      Session session = server.get().openSession(graph);
      session.initialize();
      return session;
    }
    if (options.devices().isEmpty()) {
      return options.device().open(graph, config);
    }
    DeviceList devices = options.devices().get();
    if (devices.type() == DeviceSpec.DeviceType.GPU && !NativeDevices.libraryHasGpuKernels()) {
      throw new TrainException("--devices " + devices + ": this nnc runs on TensorFlow's CPU-only native library;"
          + " build it with the GPU one (NNC_GPU=1 ./nnc ..., or mvn -Pgpu), or train on --devices cpu:0,cpu:1");
    }
    return new Session(graph, devices.configure(config));
  }

  /** In a cluster, gives every worker worker 0's weights and optimizer state: run once, before the first step. */
  void beforeFirstStep(Session session) {
    if (broadcast != null) {
      guard("the broadcast of worker 0's weights", () -> session.run(broadcast));
    }
  }

  /** Runs {@code training}; in a cluster, a failed collective becomes an error naming the worker that died or hung. */
  void guard(String what, Runnable training) {
    try {
      training.run();
    } catch (RuntimeException e) {
      Optional<TensorFlowException> cause = tensorFlowCause(e);
      if (server.isEmpty() || cause.isEmpty()) {
        throw e;
      }
      ClusterException failure = server.get().failure(what, cause.get());
      throw new TrainException(failure.getMessage(), failure);
    }
  }

  private static Optional<TensorFlowException> tensorFlowCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TensorFlowException tf) {
        return Optional.of(tf);
      }
    }
    return Optional.empty();
  }

  /** The check for {@code batch} itself and the last batch of {@code records} ({@code what}: "training" or "validation"). */
  private static void requireSplittable(String job, int n, String each, int batch, String what, long records) {
    if (n == 1) {
      return;
    }
    long last = records % batch;
    if (batch % n != 0) {
      throw new TrainException("job " + job + ": batch " + batch + " does not split into " + n
          + " equal slices, one per " + each + "; make the batch a multiple of " + n);
    }
    if (last % n != 0) {
      throw new TrainException("job " + job + ": the last " + what + " batch of every epoch has " + last
          + " records (" + records + " in all, batch " + batch + "), which do not split into " + n
          + " equal slices, one per " + each + "; set drop_last: true in the job, or use a number of"
          + " records that leaves a last batch " + n + " divides");
    }
  }
}
