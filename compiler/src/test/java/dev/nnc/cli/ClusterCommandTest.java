package dev.nnc.cli;

import static dev.nnc.cli.CliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * {@code nnc cluster --workers 2}: two worker processes on 127.0.0.1, inside a private network
 * namespace ({@code unshare -n}, loopback up), so their servers' ports, open on every interface, are
 * reachable from nowhere else. The cluster trains to one process's figures; worker 0 alone writes.
 */
class ClusterCommandTest {
  @TempDir Path dir;

  private Path program() throws Exception {
    return Files.writeString(dir.resolve("mlp.nn"), """
        model Mlp {
          input x: float[2]
          output y = x -> dense(8) -> tanh -> dense(1)
        }
        data points {
          train = records {
            x: float[2], target: float[1]
            [0, 0] [0]
            [0, 1] [1]
            [1, 0] [1]
            [1, 1] [0]
            [0.5, 0] [1]
            [0, 0.5] [1]
            [1, 0.5] [0]
            [0.5, 1] [0]
          } | shuffle(8)
        }
        train mlp {
          model: Mlp()
          data: points.train
          validate: points.train
          loss: bce(y, target)
          optimizer: adam(lr: 0.05)
          batch: 4
          epochs: 5
          metrics: [accuracy(y, target)]
          seed: 3
          export: "%s"
        }
        """.formatted(dir.resolve("model").toString().replace("\\", "/")));
  }

  @Test
  void twoWorkersTrainToTheWeightsAndMetricsOfOneProcess() throws Exception {
    Path program = program();
    Path one = dir.resolve("one");
    CliTest.Run single = nnc("train", program.toString(), "--log-dir", one.toString(), "--progress", "lines");
    assertEquals(0, single.status(), single.err());
    Map<String, float[]> oneWeights = weights(dir.resolve("model"));

    Path two = dir.resolve("two");
    String output = inNamespace("cluster", "--workers", "2", "--port", "24310", program.toString(),
        "--log-dir", two.toString(), "--progress", "lines");
    assertSameCsv(one, two, 6, output);
    Map<String, float[]> clusterWeights = weights(dir.resolve("model"));
    assertEquals(oneWeights.keySet(), clusterWeights.keySet());
    assertTrue(oneWeights.size() >= 4, "the MLP's kernels and biases: " + oneWeights.keySet());
    oneWeights.forEach((name, values) -> {
      for (int i = 0; i < values.length; i++) {
        assertEquals(values[i], clusterWeights.get(name)[i], 1e-5, name + "[" + i + "]");
      }
    });
    assertTrue(output.contains("[worker 0] epoch 5/5"), output);
    assertTrue(!output.contains("[worker 1] epoch"), "worker 1 prints no figures of its own: " + output);
    assertTrue(!output.contains("mlir_graph_optimization_pass"), "TensorFlow's info lines are dropped: " + output);
  }

  @Test
  void aTwoModelStepJobOnTwoWorkersWritesTheMetricsOfOneProcess() throws Exception {
    // Two models trained against each other, a minimize of each per step, as a GAN is (without
    // random draws, which differ per worker); g_w follows the generator's weights step by step.
    Path program = Files.writeString(dir.resolve("pair.nn"), """
        model Gen {
          param w: float[2] = ones
          input x: float[2]
          output fake = x * w
        }
        model Critic {
          input x: float[2]
          output logit = x -> dense(4) -> tanh -> dense(1)
        }
        data points {
          train = records {
            x: float[2]
            [0, 0]
            [0, 1]
            [1, 0]
            [1, 1]
          }
        }
        train pair {
          let g = Gen()
          let d = Critic()
          data: points.train
          batch: 2
          epochs: 4
          seed: 5
          step {
            let d_loss = 0.5 * (bce(d(x), 1) + bce(d(g(x)), 0))
            let g_loss = bce(d(g(x)), 1)
            minimize d: d_loss with adam(lr: 0.05)
            minimize g: g_loss with sgd(lr: 0.1)
            report d_loss, g_loss, g_w: sum(g.w)
          }
        }
        """);
    Path one = dir.resolve("one");
    CliTest.Run single = nnc("train", program.toString(), "--log-dir", one.toString(), "--progress", "lines");
    assertEquals(0, single.status(), single.err());
    Path two = dir.resolve("two");
    String output = inNamespace("cluster", "--workers", "2", "--port", "24330", program.toString(),
        "--log-dir", two.toString(), "--progress", "lines");
    assertSameCsv(one, two, 5, output);
  }

  @Test
  void whenAWorkerIsKilledTheOtherStopsWithinAMinuteNamingIt() throws Exception {
    Path program = Files.writeString(dir.resolve("long.nn"), Files.readString(program())
        .replace("epochs: 5", "epochs: 100000").replace("validate: points.train\n", ""));
    Path log = dir.resolve("kill.log");
    Process cluster = namespaced(log, "cluster", "--workers", "2", "--port", "24340", program.toString(),
        "--log-dir", dir.resolve("long").toString(), "--progress", "lines");
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
      while (!Files.readString(log).contains("[worker 0] epoch 2/") && cluster.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      String before = Files.readString(log);
      assumeTrue(!before.contains("unshare: unshare failed"), "no private network namespace here: " + before);
      assertTrue(before.contains("[worker 0] epoch 2/"), before);
      // The workers are the cluster command's children: java processes started with TF_CONFIG, the second one worker 1.
      List<ProcessHandle> workers = cluster.descendants()
          .filter(p -> p.info().arguments().map(a -> List.of(a).contains("train")).orElse(false)).toList();
      assertEquals(2, workers.size(), "the workers: " + workers);
      ProcessHandle victim = workers.stream().max((a, b) -> Long.compare(a.pid(), b.pid())).orElseThrow();
      long killed = System.nanoTime();
      victim.destroyForcibly(); // SIGKILL
      boolean ended = cluster.waitFor(90, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - killed) / 1e9;
      String output = Files.readString(log);
      assertTrue(ended && seconds < 60, seconds + " s: " + output);
      assertTrue(cluster.exitValue() != 0, output);
      assertTrue(output.contains("[worker 0] error: ") && output.contains("worker 1 (127.0.0.1:24341)"), output);
    } finally {
      cluster.descendants().forEach(ProcessHandle::destroyForcibly);
      cluster.destroyForcibly();
    }
  }

  @Test
  void aBatchTheWorkersDoNotDivideIsRefusedBeforeTraining() throws Exception {
    Path cluster = Files.writeString(dir.resolve("cluster.json"),
        "{\"cluster\": {\"worker\": [\"127.0.0.1:24320\", \"127.0.0.1:24321\", \"127.0.0.1:24322\"]}}");
    CliTest.Run run = nnc("train", program().toString(), "--cluster", cluster.toString(), "--task", "1",
        "--log-dir", dir.resolve("odd").toString());
    assertEquals(Nnc.PROGRAM_ERRORS, run.status(), run.err());
    assertEquals("error: job mlp: batch 4 does not split into 3 equal slices, one per worker of the cluster;"
        + " make the batch a multiple of 3\n", run.err());
    CliTest.Run noTask = nnc("train", program().toString(), "--cluster", cluster.toString());
    assertEquals(Nnc.USAGE, noTask.status());
    assertTrue(noTask.err().contains("which worker is this process? Give --task N"), noTask.err());
  }

  private static void assertSameCsv(Path one, Path two, int lines, String output) throws Exception {
    List<String> a = Files.readAllLines(one.resolve("metrics.csv"));
    List<String> b = Files.readAllLines(two.resolve("metrics.csv"));
    assertEquals(lines, b.size(), output);
    assertEquals(a.get(0), b.get(0));
    for (int row = 1; row < a.size(); row++) {
      String[] x = a.get(row).split(",");
      String[] y = b.get(row).split(",");
      for (int col = 0; col < x.length; col++) {
        assertEquals(Double.parseDouble(x[col]), Double.parseDouble(y[col]), 1e-5, a + " against " + b);
      }
    }
  }

  /** The float variables of the SavedModel in {@code model}, by name: the model's weights. */
  private static Map<String, float[]> weights(Path model) {
    Map<String, float[]> weights = new TreeMap<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
      for (Iterator<GraphOperation> ops = bundle.graph().operations(); ops.hasNext(); ) {
        GraphOperation op = ops.next();
        if (op.type().equals("VariableV2")) {
          try (TFloat32 value = (TFloat32) bundle.session().runner().fetch(op.name()).run().get(0)) {
            float[] flat = new float[(int) value.size()];
            value.copyTo(DataBuffers.of(flat, false, false));
            weights.put(op.name(), flat);
          }
        }
      }
    }
    return weights;
  }

  /** Runs nnc with {@code args} in a private network namespace; its output, after asserting it succeeded. */
  private String inNamespace(String... args) throws Exception {
    Path log = dir.resolve("cluster.log");
    Process process = namespaced(log, args);
    boolean ended = process.waitFor(300, TimeUnit.SECONDS);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assumeTrue(!output.contains("unshare: unshare failed"), "no private network namespace here: " + output);
    assertTrue(ended, "the cluster ended: " + output);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  /** Starts nnc with {@code args} in a private network namespace whose only interface is its loopback, its output to {@code log}. */
  private static Process namespaced(Path log, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("unshare", "-n", "--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\"",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        Nnc.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return builder.start();
  }
}
