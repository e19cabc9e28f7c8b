package dev.nnc.bench;

import dev.nnc.runtime.distributed.AllReduce;
import dev.nnc.runtime.distributed.ClusterConfig;
import dev.nnc.runtime.distributed.ClusterTimeouts;
import dev.nnc.runtime.distributed.CollectiveGroup;
import dev.nnc.runtime.distributed.LocalCluster;
import dev.nnc.runtime.distributed.WorkerServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The all-reduce of one training step of samples/fashion/cnn.nn: its gradient list (the shapes of
 * its ten weights, 3,274,634 floats, 13.1 MB) averaged over 1 or 2 worker processes with
 * {@link AllReduce}, as a cluster would at every step. Reports the time per all-reduce and the
 * bytes the cluster moved per step, counted on the loopback interface of a private network
 * namespace, which carries nothing else (the servers run only there: notes/distributed.md, hazard 6).
 *
 * <pre>
 * bench/run allreduce [--warmup K] [--steps N] [--reps R]    1 and 2 workers, alternating, R rounds
 * (inside the namespace) AllReduceBench cluster WORKERS WARMUP STEPS
 * (one worker)           AllReduceBench worker WARMUP STEPS           its cluster from TF_CONFIG
 * </pre>
 */
public final class AllReduceBench {
  /** The weights of samples/fashion/cnn.nn: conv 5x5x1x32, conv 5x5x32x64, dense 3136x1024, dense 1024x10, with biases. */
  static final List<Shape> CNN = List.of(Shape.of(5, 5, 1, 32), Shape.of(32), Shape.of(5, 5, 32, 64), Shape.of(64),
      Shape.of(7 * 7 * 64, 1024), Shape.of(1024), Shape.of(1024, 10), Shape.of(10));
  private static final int FIRST_PORT = 23490;

  private AllReduceBench() {}

  /** From bench/run: each cluster size in a namespace of its own, alternating, {@code reps} rounds. */
  static void run(int warmup, int steps, int reps) throws Exception {
    long floats = CNN.stream().mapToLong(Shape::size).sum();
    System.out.printf("all-reduce of the CNN's gradients (%,d floats, %.1f MB) per step, 1 and 2 worker processes"
        + " on 127.0.0.1 in a private network namespace; %d warm-up + %d timed all-reduces, %d rounds%n",
        floats, floats * 4 / 1e6, warmup, steps, reps);
    // Alternating 1, 2 / 2, 1 / ..., so that changes in the machine's load fall on both alike.
    Map<String, List<Double>> ms = new java.util.LinkedHashMap<>(Map.of("1", new ArrayList<>(), "2", new ArrayList<>()));
    Map<String, List<Double>> bytes = new java.util.LinkedHashMap<>(Map.of("1", new ArrayList<>(), "2", new ArrayList<>()));
    for (int rep = 0; rep < reps; rep++) {
      for (String workers : rep % 2 == 0 ? List.of("1", "2") : List.of("2", "1")) {
        Map<String, String> result = cluster(workers, warmup, steps);
        ms.get(workers).add(Double.parseDouble(result.get("ms")));
        bytes.get(workers).add(Double.parseDouble(result.get("bytes")));
        System.out.printf("  round %d, %s worker(s): %s ms per all-reduce, %s MB moved per step%n", rep + 1, workers,
            result.get("ms"), Results.fmt(Double.parseDouble(result.get("bytes")) / 1e6, 2));
      }
    }
    for (String workers : List.of("1", "2")) {
      double moved = Results.median(bytes.get(workers));
      System.out.printf("%s worker(s): %s ms per all-reduce (median of %d; min %s, max %s), %s MB moved per step by the"
          + " cluster, %s MB per worker%n", workers, Results.fmt(Results.median(ms.get(workers)), 2), reps,
          Results.fmt(Results.min(ms.get(workers)), 2), Results.fmt(Results.max(ms.get(workers)), 2),
          Results.fmt(moved / 1e6, 2), Results.fmt(moved / 1e6 / Integer.parseInt(workers), 2));
    }
  }

  private static Map<String, String> cluster(String workers, int warmup, int steps) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("unshare", "-n", "--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"",
        ProcessHandle.current().info().command().orElse("java"), "-cp", Child.nncClassPath(), AllReduceBench.class.getName(),
        "cluster", workers, "" + warmup, "" + steps));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(600, TimeUnit.SECONDS) || process.exitValue() != 0 || Results.parse(output) == null) {
      process.destroyForcibly();
      throw new IllegalStateException("the all-reduce cluster of " + workers + " failed (does 'unshare -n' work here? it needs root):\n" + output);
    }
    return Results.parse(output);
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("cluster")) {
      inNamespace(Integer.parseInt(args[1]), args[2], args[3]);
    } else {
      worker(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
      System.exit(0); // TensorFlow's server cannot be stopped; it ends with the process
    }
  }

  /** Starts the workers, counts the loopback's bytes over worker 0's timed all-reduces, prints the RESULT. */
  private static void inNamespace(int workers, String warmup, String steps) throws Exception {
    List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
        System.getProperty("java.class.path"), AllReduceBench.class.getName(), "worker", warmup, steps);
    long[] before = {-1};
    CompletableFuture<LocalCluster> started = new CompletableFuture<>();
    try (LocalCluster cluster = LocalCluster.start(command, workers, FIRST_PORT, Map.of("TF_CPP_MIN_LOG_LEVEL", "2"),
        (worker, line) -> {
          if (worker != 0) {
            return;
          }
          if (line.equals("timing")) {
            before[0] = loopbackBytes();
            // Worker 0 waits for this line, so that the count starts before its first timed all-reduce.
            PrintStream in = new PrintStream(started.join().worker(0).getOutputStream(), true);
            in.println("go");
          } else if (line.startsWith("ms=")) {
            long moved = loopbackBytes() - before[0];
            System.out.println(Results.line("ms", Double.parseDouble(line.substring(3)), "bytes",
                (double) moved / Integer.parseInt(steps)));
          } else {
            System.err.println(line);
          }
        })) {
      started.complete(cluster);
      if (cluster.await(Duration.ofSeconds(600), Duration.ofSeconds(60)) != 0) {
        throw new IllegalStateException("a worker failed");
      }
    }
  }

  private static void worker(int warmup, int steps) throws Exception {
    var task = ClusterConfig.fromEnvironment(System.getenv()).orElseThrow().taskFor(OptionalInt.empty());
    WorkerServer server = WorkerServer.start(task, ClusterTimeouts.DEFAULT, ConfigProto.getDefaultInstance());
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      List<Operand<TFloat32>> gradients = new ArrayList<>();
      long seed = 1;
      for (Shape shape : CNN) {
        // Variables, so that nothing is folded away; read through identity (TF Java 1.1.0's reference outputs).
        var v = tf.variable(tf.random.statelessRandomNormal(tf.constant(shape.asArray()), tf.constant(new long[] {seed++, task.index()})));
        gradients.add(tf.identity(v));
      }
      List<Op> reduced = new ArrayList<>();
      for (Operand<TFloat32> g : new AllReduce(CollectiveGroup.of(task, ClusterTimeouts.DEFAULT)).reduce(tf, gradients)) {
        reduced.add(tf.identity(g));
      }
      Op step = tf.withControlDependencies(reduced).noOp();
      try (Session session = server.openSession(graph)) {
        session.initialize();
        for (int k = 0; k < warmup; k++) {
          session.run(step);
        }
        if (task.isChief()) {
          System.out.println("timing");
          new BufferedReader(new InputStreamReader(System.in)).readLine();
        }
        long start = System.nanoTime();
        for (int k = 0; k < steps; k++) {
          session.run(step);
        }
        System.out.println("ms=" + (System.nanoTime() - start) / 1e6 / steps);
      }
    }
  }

  /** Bytes received on the namespace's loopback so far (on lo every byte sent is received once). */
  private static long loopbackBytes() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/net/dev"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String line : lines) {
      String trimmed = line.trim();
      if (trimmed.startsWith("lo:")) {
        return Long.parseLong(trimmed.substring(3).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException("/proc/net/dev has no lo");
  }
}
