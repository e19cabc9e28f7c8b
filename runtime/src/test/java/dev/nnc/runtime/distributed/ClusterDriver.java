package dev.nnc.runtime.distributed;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tensorflow.proto.ConfigProto;

/**
 * Runs a {@link LocalCluster} of {@link MlpWorker} processes on 127.0.0.1; meant to run inside a
 * private network namespace (ClusterTest starts it in one), so that the servers' ports, open on every
 * interface, are reachable from nowhere else. Each worker's output goes to DIR/worker-I.log; what
 * happened is printed as {@code key=value} lines for the test to read.
 *
 * <pre>
 * ClusterDriver train WORKERS STEPS DIR   every worker trains STEPS steps, writes DIR/worker-I.txt
 * ClusterDriver kill DIR                  two workers; worker 1 is SIGKILLed after step 3; how worker 0 ends
 * ClusterDriver freeze DIR                the same with SIGSTOP: worker 1 still accepts connections, never answers
 * ClusterDriver startup                   a port in use, and a worker whose peer never comes up
 * </pre>
 */
public final class ClusterDriver {
  private static final int FIRST_PORT = 23470;
  /** Short, so that the frozen worker is given up on soon; far above the few milliseconds a step takes. */
  static final int STEP_TIMEOUT_SECONDS = 8;

  private ClusterDriver() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "startup" -> startupFailures();
      case "train" -> {
        Path dir = Path.of(args[3]);
        try (LocalCluster cluster = start(Integer.parseInt(args[1]), args[2], "0", dir, (worker, line) -> {})) {
          System.out.println("status=" + cluster.await(Duration.ofSeconds(240), Duration.ofSeconds(60)));
        }
      }
      default -> stopOne(args[0].equals("kill"), Path.of(args[1]));
    }
  }

  /** kill: SIGKILL, the port closes; freeze: SIGSTOP, the port stays open and nothing answers. */
  private static void stopOne(boolean kill, Path dir) throws Exception {
    CountDownLatch trained = new CountDownLatch(1);
    try (LocalCluster cluster = start(2, "100000", "100", dir, (worker, line) -> {
      if (worker == 1 && line.equals("step 3")) {
        trained.countDown();
      }
    })) {
      System.out.println("trained=" + trained.await(120, TimeUnit.SECONDS));
      Process victim = cluster.worker(1);
      if (kill) {
        victim.destroyForcibly(); // SIGKILL
      } else {
        new ProcessBuilder("kill", "-STOP", "" + victim.pid()).start().waitFor();
      }
      long stopped = System.nanoTime();
      boolean ended = cluster.worker(0).waitFor(90, TimeUnit.SECONDS);
      System.out.println("seconds=" + (System.nanoTime() - stopped) / 1_000_000_000.0);
      System.out.println("survivor=" + (ended ? cluster.worker(0).exitValue() : "hung"));
    }
  }

  private static LocalCluster start(int workers, String steps, String pause, Path dir, LocalCluster.LineSink watch)
      throws IOException {
    List<PrintStream> logs = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      logs.add(new PrintStream(new FileOutputStream(dir.resolve("worker-" + i + ".log").toFile()), true));
    }
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), MlpWorker.class.getName(), steps, dir.toString(), pause,
        "" + STEP_TIMEOUT_SECONDS);
    return LocalCluster.start(command, workers, FIRST_PORT, Map.of("TF_CPP_MIN_LOG_LEVEL", "2"), (worker, line) -> {
      logs.get(worker).println(line);
      watch.line(worker, line);
    });
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
}
