package dev.nnc.runtime.distributed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Server;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.JobDef;
import org.tensorflow.proto.ServerDef;

/**
 * This process's TensorFlow gRPC server, one task of the cluster, and sessions on it.
 *
 * <p>Two facts of TensorFlow's server shape this class. It cannot be stopped ({@code Server.stop()}
 * is unimplemented in TF 2.18): it lives as long as the process, so every worker is a process of its
 * own that exits when training ends or fails; there is no close. And it listens on every interface
 * at its port, whatever host the cluster names, running any graph anyone sends: {@link #exposure()}
 * says so, for the command that starts it to print.
 */
public final class WorkerServer {
  /** Servers live until the process exits; held here so that nothing ever frees one under TensorFlow. */
  private static final List<Server> RUNNING = new ArrayList<>();

  private final ClusterTask task;
  private final ClusterTimeouts timeouts;
  private final ConfigProto sessionConfig;

  private WorkerServer(ClusterTask task, ClusterTimeouts timeouts, ConfigProto sessionConfig) {
    this.task = task;
    this.timeouts = timeouts;
    this.sessionConfig = sessionConfig;
  }

  /**
   * Starts the server of {@code task} on top of {@code config} (threads and the like), then waits
   * until the other workers' servers accept connections (at most {@code timeouts.startup()}).
   */
  public static synchronized WorkerServer start(ClusterTask task, ClusterTimeouts timeouts, ConfigProto config) {
    requirePortFree(task);
    ConfigProto sessionConfig = sessionConfig(task, timeouts, config);
    ServerDef definition = ServerDef.newBuilder()
        .setCluster(cluster(task))
        .setJobName(ClusterTask.JOB)
        .setTaskIndex(task.index())
        .setProtocol("grpc")
        .setDefaultSessionConfig(sessionConfig)
        .build();
    Server server;
    try {
      server = new Server(definition);
      server.start();
    } catch (TensorFlowException | IllegalArgumentException e) {
      throw new ClusterException(task.describe(task.index()) + ": TensorFlow's server did not start: " + e.getMessage(), e);
    }
    RUNNING.add(server);
    Peers.awaitAll(task, timeouts.startup());
    return new WorkerServer(task, timeouts, sessionConfig);
  }

  public ClusterTask task() {
    return task;
  }

  public ClusterTimeouts timeouts() {
    return timeouts;
  }

  /** A session on this worker's server for {@code graph}; variables are not initialized (see {@link ClusterSessions}). */
  public Session openSession(Graph graph) {
    return ClusterSessions.open(graph, "grpc://127.0.0.1:" + task.port(), sessionConfig);
  }

  /** What starting this server means for the machine's security: for the starting command to print. */
  public String exposure() {
    return task.describe(task.index()) + " listens on port " + task.port() + " of every network interface"
        + " of this machine (TensorFlow's server ignores the host in the cluster description) and runs any"
        + " graph that reaches it: keep the cluster on a private network";
  }

  /**
   * The error to report when {@code what} (a step, the broadcast) failed in a collective: names the
   * workers that no longer accept connections (they died), or, when the collective timed out with
   * every port still open, the workers that did not answer (one of them stopped or hung); else
   * passes on TensorFlow's message.
   */
  public ClusterException failure(String what, RuntimeException cause) {
    String tensorflow = cause.getMessage() == null ? "" : cause.getMessage();
    List<Integer> down = Peers.unreachable(task);
    String message;
    if (!down.isEmpty()) {
      message = what + " failed: " + Peers.describe(task, down) + (down.size() == 1 ? " is" : " are")
          + " not reachable any more (it died or its machine did); " + task.describe(task.index()) + " stops";
    } else if (tensorflow.contains("timed out") || tensorflow.contains("DEADLINE_EXCEEDED")) {
      message = what + " failed: no answer from " + Peers.describe(task, Peers.others(task)) + " within the timeout"
          + " (step " + timeouts.step().toSeconds() + " s, startup " + timeouts.startup().toSeconds() + " s): a worker"
          + " stopped, hung or is far slower; " + task.describe(task.index()) + " stops";
    } else {
      message = what + " failed on " + task.describe(task.index()) + ": " + tensorflow.replaceAll("\\s+", " ").trim();
    }
    return new ClusterException(message, cause);
  }

  static ConfigProto sessionConfig(ClusterTask task, ClusterTimeouts timeouts, ConfigProto config) {
    return config.toBuilder()
        // Without a filter a session waits forever for every task of the cluster to answer; each
        // worker's graph runs on that worker alone, the collectives reach the others by themselves.
        .clearDeviceFilters()
        .addDeviceFilters("/job:" + ClusterTask.JOB + "/task:" + task.index())
        // Bounds every run, the first broadcast included; a step's collectives carry the shorter step timeout.
        .setOperationTimeoutInMs(timeouts.startup().toMillis())
        .setExperimental(config.getExperimental().toBuilder().setCollectiveGroupLeader(ClusterTask.device(0)))
        .build();
  }

  private static ClusterDef cluster(ClusterTask task) {
    JobDef.Builder job = JobDef.newBuilder().setName(ClusterTask.JOB);
    for (int i = 0; i < task.size(); i++) {
      job.putTasks(i, task.workers().get(i));
    }
    return ClusterDef.newBuilder().addJob(job).build();
  }

  /** TensorFlow binds 0.0.0.0:port; a port in use would otherwise fail deep inside gRPC. */
  private static void requirePortFree(ClusterTask task) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(task.port()));
    } catch (IOException e) {
      throw new ClusterException(task.describe(task.index()) + ": port " + task.port()
          + " is in use on this machine (another worker, or another program); choose another port in the cluster description");
    }
  }
}
