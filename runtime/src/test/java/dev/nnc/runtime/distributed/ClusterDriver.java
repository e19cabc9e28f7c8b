package dev.nnc.runtime.distributed;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tensorflow.proto.ConfigProto;

/**
 * Runs a local cluster of {@link MlpWorker} processes on 127.0.0.1; meant to run inside a private
 * network namespace (ClusterTest starts it under {@code unshare -n}), so that the servers' ports,
 * open on every interface, are reachable from nowhere else. Prints what happened as
 * {@code key=value} lines for the test to read.
 *
 * <pre>
 * ClusterDriver train WORKERS STEPS DIR   every worker trains STEPS steps, writes DIR/worker-I.txt
 * ClusterDriver kill DIR                  two workers; worker 1 is SIGKILLed after step 3; how worker 0 ends
 * ClusterDriver startup                  a port in use, and a worker whose peer never comes up
 * ClusterDriver freeze DIR                the same with SIGSTOP: worker 1 still accepts connections, never answers
 * </pre>
 */
public final class ClusterDriver {
  private static final int FIRST_PORT = 23470;
  /** Short, so that the frozen worker is given up on soon; far above the few milliseconds a step takes. */
  static final int STEP_TIMEOUT_SECONDS = 8;

  private ClusterDriver() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("startup")) {
      startupFailures();
    } else if (args[0].equals("train")) {
      int workers = Integer.parseInt(args[1]);
      Path dir = Path.of(args[3]);
      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        processes.add(start(workers, i, dir, args[2], "0", false));
      }
      for (int i = 0; i < workers; i++) {
        Process p = processes.get(i);
        boolean ended = p.waitFor(240, TimeUnit.SECONDS);
        System.out.println("worker" + i + "=" + (ended ? p.exitValue() : "hung"));
      }
      processes.forEach(Process::destroyForcibly);
    } else {
      // kill: SIGKILL, the port closes; freeze: SIGSTOP, the port stays open and nothing answers.
      boolean kill = args[0].equals("kill");
      Path dir = Path.of(args[1]);
      Process survivor = start(2, 0, dir, "100000", "100", false);
      Process victim = start(2, 1, dir, "100000", "100", true);
      try (BufferedReader steps = new BufferedReader(new InputStreamReader(victim.getInputStream()))) {
        String line;
        while ((line = steps.readLine()) != null && !line.equals("step 3")) {
          // the cluster is training
        }
        System.out.println("trained=" + (line != null));
        if (kill) {
          victim.destroyForcibly(); // SIGKILL
        } else {
          new ProcessBuilder("kill", "-STOP", "" + victim.pid()).start().waitFor();
        }
        long stopped = System.nanoTime();
        boolean ended = survivor.waitFor(90, TimeUnit.SECONDS);
        System.out.println("seconds=" + (System.nanoTime() - stopped) / 1_000_000_000.0);
        System.out.println("survivor=" + (ended ? survivor.exitValue() : "hung"));
        survivor.destroyForcibly();
        victim.destroyForcibly();
      }
    }
  }

  /** A port already taken, then a peer that never comes up: printed as busy=... and alone=... */
  private static void startupFailures() throws Exception {
    ClusterTimeouts quick = new ClusterTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
    try (ServerSocket taken = new ServerSocket(FIRST_PORT + 10)) {
      WorkerServer.start(new ClusterTask(List.of("127.0.0.1:" + (FIRST_PORT + 10)), 0), quick, ConfigProto.getDefaultInstance());
      System.out.println("busy=started");
    } catch (ClusterException e) {
      System.out.println("busy=" + e.getMessage());
    }
    try {
      WorkerServer.start(new ClusterTask(List.of("127.0.0.1:" + (FIRST_PORT + 11), "127.0.0.1:" + (FIRST_PORT + 12)), 0),
          quick, ConfigProto.getDefaultInstance());
      System.out.println("alone=started");
    } catch (ClusterException e) {
      System.out.println("alone=" + e.getMessage());
    }
    System.out.flush();
    System.exit(0); // the second server ends only with the process
  }

  /** Worker {@code index}; its stdout (its steps) stays readable from the process if {@code watched}, else goes to a file. */
  private static Process start(int workers, int index, Path dir, String steps, String pause, boolean watched) throws Exception {
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      addresses.add("\"127.0.0.1:" + (FIRST_PORT + i) + "\"");
    }
    String tfConfig = "{\"cluster\": {\"worker\": [" + String.join(", ", addresses) + "]}, \"task\": {\"type\": \"worker\", \"index\": " + index + "}}";
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-cp", System.getProperty("java.class.path"), MlpWorker.class.getName(), steps,
        dir.resolve("worker-" + index + ".txt").toString(), pause, "" + STEP_TIMEOUT_SECONDS);
    builder.environment().put(ClusterConfig.ENVIRONMENT_VARIABLE, tfConfig);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    builder.redirectError(dir.resolve("worker-" + index + ".err").toFile());
    if (!watched) {
      builder.redirectOutput(new File(dir.resolve("worker-" + index + ".out").toString()));
    }
    return builder.start();
  }
}
