package dev.nnc.cli;

import dev.nnc.runtime.distributed.LocalCluster;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code nnc cluster --workers N FILE [train options]}: a cluster of N worker processes on this
 * machine, each {@code nnc train FILE} with the same options and a {@code TF_CONFIG} naming its task
 * at {@code 127.0.0.1:PORT+i}. Their lines come out prefixed with the worker's number; the cluster
 * ends when they do, with the first failure's status.
 */
@Command(name = "cluster", description = {"Trains a job on a cluster of N worker processes on this machine (127.0.0.1).",
    "Every other option (--log-dir, --epochs, --job, ...) goes to each worker's `nnc train FILE`; worker 0 writes."})
final class ClusterCommand implements Callable<Integer> {
  /**
   * Abseil's info and warning lines, which TensorFlow writes whatever its log level, as the
   * launcher's {@code .mvn/tf-quiet} drops them from nnc's own standard error.
   */
  private static final Pattern TENSORFLOW_CHATTER = Pattern.compile(
      "[IW]\\d{4} [0-9:.]+ +\\d+ [^ ]+:\\d+\\] .*|WARNING: All log messages before absl::InitializeLog\\(\\) is called are written to STDERR");

  @Spec CommandSpec spec;
  @ParentCommand Nnc nnc;

  @Option(names = "--workers", paramLabel = "N", required = true, description = "How many workers to start.")
  int workers;

  @Option(names = "--port", paramLabel = "PORT", description = "Worker i listens on PORT+i (default: 2222).")
  int port = 2222;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .nn file.")
  Path file;

  @Unmatched
  List<String> trainOptions = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (workers < 1 || port < 1 || port + workers - 1 > 65535) {
      err.println("error: --workers " + workers + " from --port " + port + ": expected at least one worker, on ports up to 65535");
      return Nnc.USAGE;
    }
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Nnc.class.getName(), "train", file.toString()));
    command.addAll(trainOptions);
    err.println("warning: the workers' servers listen on ports " + port + " to " + (port + workers - 1) + " of every"
        + " network interface and run any graph that reaches them; run this on a machine no one untrusted can reach,"
        + " or in a private network namespace (unshare -n)");
    try (LocalCluster cluster = LocalCluster.start(command, workers, port, Map.of(), (worker, line) -> {
      if (!nnc.verbose && TENSORFLOW_CHATTER.matcher(line).matches()) {
        return;
      }
      synchronized (out) {
        out.println("[worker " + worker + "] " + line);
      }
    })) {
      return cluster.await(Duration.ofDays(365), Duration.ofSeconds(90));
    }
  }
}
