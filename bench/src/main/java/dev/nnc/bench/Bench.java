package dev.nnc.bench;

import dev.nnc.runtime.train.Device;
import dev.nnc.runtime.train.TrainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks of BENCHMARKS.md, one command each; run from the repository root (bench/run does).
 *
 * <pre>
 * mlp | cnn            training throughput, generated vs hand-written TF Java, in one JVM in alternating
 *                      segments: --warmup K steps each, then --reps segments of --steps steps each
 * trials mlp|cnn       the same, one fresh JVM per trial (--reps trials each of --warmup + --steps steps)
 * dl4j mlp|cnn         generated vs Deeplearning4j (CPU), one JVM per trial
 * memory               peak RSS of training runs, generated vs hand-written, one JVM per trial
 * allreduce            the all-reduce of the CNN's gradients per step, 1 and 2 worker processes in a private
 *                      network namespace (needs root for unshare -n): ms and bytes per step (--reps rounds)
 * compiler             nnc check / nnc compile time and TF graph build time at 10, 100 and 1,000 layers
 *                      (--reps rounds)
 * pipeline             batches/s the input pipeline delivers vs steps/s the trainer takes (--reps rounds)
 * words                the Brown corpus: load and vocabulary time, words windows/s, skipgrams pairs/s
 *                      (--reps rounds; brown/brown.txt under --data-dir)
 * rl                   environment steps/s of cartpole, acrobot and mountain_car, bare and on the whole
 *                      acting path (rollout, epsilon-greedy, replay add), and replay sampling in
 *                      batches/s of 64 from 50,000; then a CartPole DQN by hand on TF Java, acting and
 *                      learning steps/s apart (--reps rounds)
 * rl-dqn               whether the rl pieces learn: a CartPole DQN by hand with rl-zoo's settings for
 *                      50,000 steps, then 100 greedy episodes (--reps seeds)
 * sample FILE          training throughput of FILE's train job, generated only, on --device cpu|gpu|gpu:N
 *                      (--warmup K steps, then --reps segments of --steps steps): the ResNet and GPU figures
 * common: --data-dir DIR, the folder holding fashion-mnist/ (default ../shared/data)
 * </pre>
 *
 * Every comparison alternates its contenders within one run (segments, or trials in the order
 * A B, B A, A B, ...), so that changes in the machine's load fall on both alike, and reports medians
 * and the median of the ratios within each pair.
 */
public final class Bench {
  private Bench() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      System.exit(2);
    }
    Options options = Options.parse(args);
    System.out.printf("%s, %d cores, Java %s; load average before: %s%n", System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), loadAverage());
    switch (options.command) {
      case "mlp", "cnn" -> {
        boolean mlp = options.command.equals("mlp");
        // MLP: segments of 300 steps (~0.5 s), 7 epochs in all; CNN: segments of 12 steps (~0.7 s).
        Throughput.run(options.command, options.dataDir, options.warmup(mlp ? 300 : 10),
            options.steps(mlp ? 300 : 12), options.reps(mlp ? 13 : 9));
      }
      case "trials" -> training(options.target == null ? "mlp" : options.target, options);
      case "dl4j" -> dl4j(options.target == null ? "mlp" : options.target, options);
      case "memory" -> memory(options);
      case "compiler" -> CompilerScaling.run(options.reps(5));
      case "allreduce" -> AllReduceBench.run(options.warmup(5), options.steps(20), options.reps(3));
      case "pipeline" -> PipelineBench.run(options.dataDir, options.reps(5));
      case "words" -> WordsBench.run(options.dataDir, options.reps(5));
      case "rl-dqn" -> {
        for (int seed = 1; seed <= options.reps(1); seed++) {
          DqnSolve.run(seed);
        }
      }
      case "rl" -> {
        RlBench.run(options.reps(5));
        DqnStepBench.run(options.reps(5));
      }
      case "sample" -> {
        if (options.target == null) {
          throw new IllegalArgumentException("bench/run sample needs a .nn file, as in samples/fashion/resnet.nn");
        }
        try {
          SampleThroughput.run(Path.of(options.target), options.dataDir, options.device, options.warmup(5),
              options.steps(10), options.reps(5));
        } catch (TrainException e) {
          System.err.println("error: " + e.getMessage()); // a GPU asked of the CPU build, say
          System.exit(1);
        }
      }
      default -> {
        usage();
        System.exit(2);
      }
    }
    System.out.printf("load average after: %s (other work on the machine shows here)%n", loadAverage());
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static void usage() {
    System.err.println("usage: bench/run mlp|cnn|trials [mlp|cnn]|dl4j [mlp|cnn]|memory|allreduce|compiler|pipeline|words|rl|rl-dqn|sample FILE"
        + " [--reps N] [--warmup K] [--steps N] [--data-dir DIR] [--device cpu|gpu|gpu:N]");
  }

  /** Generated vs hand-written training throughput (and the peak RSS of the same trials). */
  private static void training(String model, Options options) throws Exception {
    // MLP: from mid-epoch 1 over three epoch boundaries (600 steps an epoch); CNN: ~6 s of steps.
    int warmup = options.warmup(model.equals("mlp") ? 300 : 10);
    int steps = options.steps(model.equals("mlp") ? 1800 : 100);
    int reps = options.reps(5);
    System.out.printf("training throughput, %s: %d warm-up + %d timed steps of batch %d, %d trials each,"
        + " alternating%n", model, warmup, steps, Trial.BATCH, reps);
    Map<String, List<Map<String, String>>> results = alternate(List.of("generated", "hand"), reps,
        impl -> Child.run(Child.nncClassPath(), Trial.class.getName(),
            List.of(impl, model, "" + warmup, "" + steps, options.dataDir.toString()), 1800));
    report(results, "generated", "hand");
  }

  /** Generated nnc vs Deeplearning4j, each in its own JVM. */
  private static void dl4j(String model, Options options) throws Exception {
    int warmup = options.warmup(model.equals("mlp") ? 300 : 5);
    int steps = options.steps(model.equals("mlp") ? 600 : 20);
    int reps = options.reps(3);
    String dl4jClassPath = Child.dl4jClassPath();
    System.out.printf("training throughput, %s: nnc (generated) vs Deeplearning4j; %d warm-up + %d timed"
        + " steps of batch %d, %d trials each, alternating%n", model, warmup, steps, Trial.BATCH, reps);
    List<String> trialArgs = List.of(model, "" + warmup, "" + steps, options.dataDir.toString());
    // DL4J runs twice: with its default of one OpenMP thread per core, and with one thread, which
    // on two cores is much faster for the MLP (its threads spin against the JVM's) and slower for the CNN.
    Map<String, List<Map<String, String>>> results = alternate(List.of("generated", "dl4j", "dl4j-1t"), reps,
        impl -> switch (impl) {
          case "dl4j" -> Child.run(dl4jClassPath, "dev.nnc.bench.dl4j.Dl4jTrial", trialArgs, Map.of(), 1800);
          case "dl4j-1t" -> Child.run(dl4jClassPath, "dev.nnc.bench.dl4j.Dl4jTrial", trialArgs,
              Map.of("OMP_NUM_THREADS", "1"), 1800);
          default -> Child.run(Child.nncClassPath(), Trial.class.getName(), prepend(impl, trialArgs), 1800);
        });
    medians(results);
    ratio(results, "dl4j", "generated");
    ratio(results, "dl4j-1t", "generated");
  }

  /** Peak RSS over three epochs of the MLP (1,800 steps) and 110 steps of the CNN. */
  private static void memory(Options options) throws Exception {
    int reps = options.reps(3);
    for (String model : List.of("mlp", "cnn")) {
      int warmup = model.equals("mlp") ? 100 : 10;
      int steps = model.equals("mlp") ? 1700 : 100;
      System.out.printf("peak memory, %s: %d training steps, %d trials each, alternating%n",
          model, warmup + steps, reps);
      Map<String, List<Map<String, String>>> results = alternate(List.of("generated", "hand"), reps,
          impl -> Child.run(Child.nncClassPath(), Trial.class.getName(),
              List.of(impl, model, "" + warmup, "" + steps, options.dataDir.toString()), 1800));
      report(results, "generated", "hand");
    }
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  interface TrialRunner {
    Map<String, String> run(String impl) throws Exception;
  }

  /** Runs each contender {@code reps} times, in the order A B, B A, A B, ... */
  static Map<String, List<Map<String, String>>> alternate(List<String> impls, int reps, TrialRunner runner)
      throws Exception {
    Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
    impls.forEach(impl -> results.put(impl, new ArrayList<>()));
    for (int rep = 0; rep < reps; rep++) {
      List<String> order = new ArrayList<>(impls);
      if (rep % 2 == 1) {
        java.util.Collections.reverse(order);
      }
      for (String impl : order) {
        Map<String, String> result = runner.run(impl);
        results.get(impl).add(result);
        System.out.printf("  trial %d %-9s %8s examples/s %7s ms/step %8s examples/CPU-s (%s cores busy)"
                + "   RSS: peak %5s MiB, at step 0 %5s MiB; heap after last GC %4s MiB   (loss %s, %s s in all)%n",
            rep + 1, impl, Results.fmt(value(result, "examples_per_s"), 0), Results.fmt(value(result, "step_ms"), 2),
            Results.fmt(value(result, "examples_per_cpu_s"), 0), Results.fmt(value(result, "cpu_load"), 2),
            Results.fmt(value(result, "vmhwm_mb"), 0), Results.fmt(value(result, "rss_start_mb"), 0),
            Results.fmt(value(result, "heap_after_gc_mb"), 0), result.get("loss"), Results.fmt(value(result, "wall_s"), 1));
        System.out.flush();
      }
    }
    return results;
  }

  private static double value(Map<String, String> result, String key) {
    String text = result.get(key);
    return text == null ? Double.NaN : Double.parseDouble(text);
  }

  private static List<Double> column(List<Map<String, String>> rows, String key) {
    return rows.stream().map(row -> value(row, key)).toList();
  }

  /** Medians per contender and the ratios of {@code a} to {@code b}. */
  static void report(Map<String, List<Map<String, String>>> results, String a, String b) {
    medians(results);
    ratio(results, a, b);
  }

  static void medians(Map<String, List<Map<String, String>>> results) {
    System.out.println("  medians:");
    for (var entry : results.entrySet()) {
      List<Double> eps = column(entry.getValue(), "examples_per_s");
      List<Double> hwm = column(entry.getValue(), "vmhwm_mb");
      System.out.printf("    %-9s %8s examples/s (min %s, max %s), %s examples/CPU-s   RSS: peak %s MiB (min %s, max %s),"
              + " at step 0 %s MiB; heap after the last GC %s MiB%n",
          entry.getKey(), Results.fmt(Results.median(eps), 0), Results.fmt(Results.min(eps), 0),
          Results.fmt(Results.max(eps), 0), Results.fmt(Results.median(column(entry.getValue(), "examples_per_cpu_s")), 0),
          Results.fmt(Results.median(hwm), 0),
          Results.fmt(Results.min(hwm), 0), Results.fmt(Results.max(hwm), 0),
          Results.fmt(Results.median(column(entry.getValue(), "rss_start_mb")), 0),
          Results.fmt(Results.median(column(entry.getValue(), "heap_after_gc_mb")), 0));
    }
  }

  /** The ratios of {@code a} to {@code b}: of the medians, and the median of the ratios within each round. */
  static void ratio(Map<String, List<Map<String, String>>> results, String a, String b) {
    Map<String, Double> throughput = new LinkedHashMap<>();
    Map<String, Double> memory = new LinkedHashMap<>();
    Map<String, Double> perCpu = new LinkedHashMap<>();
    for (var entry : results.entrySet()) {
      throughput.put(entry.getKey(), Results.median(column(entry.getValue(), "examples_per_s")));
      memory.put(entry.getKey(), Results.median(column(entry.getValue(), "vmhwm_mb")));
      perCpu.put(entry.getKey(), Results.median(column(entry.getValue(), "examples_per_cpu_s")));
    }
    // Ratios within each round, whose trials ran under about the same load, then their median.
    List<Double> pairRatios = new ArrayList<>();
    List<Double> as = column(results.get(a), "examples_per_s");
    List<Double> bs = column(results.get(b), "examples_per_s");
    for (int i = 0; i < Math.min(as.size(), bs.size()); i++) {
      pairRatios.add(as.get(i) / bs.get(i));
    }
    System.out.printf("  ratio %s / %s: throughput %s (of the medians), %s (median of the per-pair ratios %s);"
            + " per CPU-second %s; peak RSS %s%n",
        a, b, Results.fmt(throughput.get(a) / throughput.get(b), 3), Results.fmt(Results.median(pairRatios), 3),
        Results.join(pairRatios, 3), Results.fmt(perCpu.get(a) / perCpu.get(b), 3),
        Results.fmt(memory.get(a) / memory.get(b), 3));
  }

  static final class Options {
    String command;
    String target;
    Integer reps;
    Integer warmup;
    Integer steps;
    Path dataDir = Path.of("..", "shared", "data");
    Device device = Device.CPU;

    static Options parse(String[] args) {
      Options o = new Options();
      o.command = args[0];
      for (int i = 1; i < args.length; i++) {
        switch (args[i]) {
          case "--reps" -> o.reps = Integer.parseInt(args[++i]);
          case "--warmup" -> o.warmup = Integer.parseInt(args[++i]);
          case "--steps" -> o.steps = Integer.parseInt(args[++i]);
          case "--data-dir" -> o.dataDir = Path.of(args[++i]);
          case "--device" -> o.device = Device.parse(args[++i]);
          default -> {
            if (args[i].startsWith("--") || o.target != null) {
              throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            o.target = args[i];
          }
        }
      }
      if (!Files.isDirectory(o.dataDir.resolve("fashion-mnist"))) {
        throw new IllegalArgumentException(o.dataDir.toAbsolutePath().normalize()
            + " holds no fashion-mnist/ folder; pass --data-dir");
      }
      return o;
    }

    int reps(int fallback) {
      return reps != null ? reps : fallback;
    }

    int warmup(int fallback) {
      return warmup != null ? warmup : fallback;
    }

    int steps(int fallback) {
      return steps != null ? steps : fallback;
    }
  }
}
