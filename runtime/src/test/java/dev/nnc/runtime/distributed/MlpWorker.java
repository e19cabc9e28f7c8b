package dev.nnc.runtime.distributed;

import dev.nnc.runtime.graph.Net;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * One worker of a cluster training {@link Mlp}, as a process of its own (TensorFlow's server ends
 * only with its process): {@code MlpWorker STEPS DIR PAUSE_MS STEP_TIMEOUT_S}, the cluster from {@code TF_CONFIG}.
 * Initializes from a seed of its own, so only the broadcast makes the workers agree; trains on its
 * shard of every global batch with the gradients all-reduced; writes its weights to DIR/worker-I.txt. Prints
 * {@code step K} after each step; on a cluster failure prints the error and exits 1.
 */
public final class MlpWorker {
  private MlpWorker() {}

  public static void main(String[] args) throws Exception {
    int steps = Integer.parseInt(args[0]);
    Path dir = Path.of(args[1]);
    long pause = Long.parseLong(args[2]);
    ClusterTimeouts timeouts = new ClusterTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(Long.parseLong(args[3])));
    ClusterTask task = ClusterConfig.fromEnvironment(System.getenv()).orElseThrow().taskFor(OptionalInt.empty());
    try {
      Weights.write(dir.resolve("worker-" + task.index() + ".txt"), train(task, steps, pause, timeouts));
    } catch (ClusterException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
    System.exit(0); // the server's threads would keep the process alive
  }

  static List<float[]> train(ClusterTask task, int steps, long pause, ClusterTimeouts timeouts) throws InterruptedException {
    WorkerServer server = WorkerServer.start(task, timeouts, ConfigProto.getDefaultInstance());
    System.err.println("warning: " + server.exposure());
    CollectiveGroup group = CollectiveGroup.of(task, timeouts);
    DataShard shard = DataShard.of(task);
    int rows = shard.rows(Mlp.BATCH);
    try (Graph graph = new Graph()) {
      Net root = Net.root(graph, 42 + task.index());
      Ops tf = root.tf();
      Map<String, Operand<?>> batch = Mlp.placeholders(tf, rows);
      Operand<TFloat32> loss = Mlp.loss(root.application(Mlp.MODEL), batch);
      List<Net.Weight> weights = root.weights();
      Output<?>[] gradients = graph.addGradients(loss.asOutput(), weights.stream().map(w -> w.read().asOutput()).toArray(Output<?>[]::new));
      List<Operand<TFloat32>> local = java.util.Arrays.stream(gradients).map(g -> (Operand<TFloat32>) g.expect(TFloat32.class)).toList();
      // Runs of at most 100 floats: the four gradients (128, 16, 48 and 3 floats) travel as three
      // collectives at once, as a large model's would.
      Op train = Mlp.apply(tf, weights, new AllReduce(group, 100).reduce(tf, local));
      List<Output<TFloat32>> variables = Broadcast.floatVariables(graph);
      if (variables.size() != weights.size()) {
        throw new IllegalStateException(variables.size() + " float variables for " + weights.size() + " weights");
      }
      Op broadcast = Broadcast.fromChief(tf, variables, group, task.isChief());
      try (Session session = server.openSession(graph)) {
        session.initialize();
        run(server, "the broadcast of worker 0's weights", () -> session.run(broadcast));
        for (int k = 0; k < steps; k++) {
          final int step = k;
          run(server, "step " + k, () -> Mlp.train(session, batch, train, 1, shard.first(Mlp.BATCH), rows, step));
          System.out.println("step " + k);
          System.out.flush();
          Thread.sleep(pause);
        }
        return Mlp.values(session, weights);
      }
    }
  }

  private static void run(WorkerServer server, String what, Runnable action) {
    try {
      action.run();
    } catch (TensorFlowException e) {
      throw server.failure(what, e);
    }
  }
}
