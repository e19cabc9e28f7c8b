package dev.nnc.runtime.distributed;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A cluster of worker processes on this machine, for {@code nnc cluster --workers N}: the same
 * command N times, worker {@code i} told by {@code TF_CONFIG} that it is task {@code i} of workers at
 * {@code 127.0.0.1:firstPort + i}. Every line a worker prints (stdout and stderr) goes to one sink,
 * with the worker's number. The servers listen on every interface (see {@link WorkerServer}): run it
 * in a private network namespace, as the tests do, or on a machine no one untrusted can reach.
 */
public final class LocalCluster implements AutoCloseable {
  /** Receives each line a worker prints; called from one thread per worker. */
  @FunctionalInterface
  public interface LineSink {
    void line(int worker, String text);
  }

  private final List<Process> workers;
  private final List<Thread> readers;

  private LocalCluster(List<Process> workers, List<Thread> readers) {
    this.workers = workers;
    this.readers = readers;
  }

  /** The {@code TF_CONFIG} of worker {@code index} of a cluster at {@code addresses}. */
  public static String tfConfig(List<String> addresses, int index) {
    JsonArray list = new JsonArray();
    addresses.forEach(list::add);
    JsonObject cluster = new JsonObject();
    cluster.add(ClusterTask.JOB, list);
    JsonObject task = new JsonObject();
    task.addProperty("type", ClusterTask.JOB);
    task.addProperty("index", index);
    JsonObject config = new JsonObject();
    config.add("cluster", cluster);
    config.add("task", task);
    return config.toString();
  }

  /** Starts {@code count} workers running {@code command}, with {@code environment} added to this process's. */
  public static LocalCluster start(List<String> command, int count, int firstPort, Map<String, String> environment, LineSink sink) {
    if (count < 1 || firstPort < 1 || firstPort + count - 1 > 65535) {
      throw new IllegalArgumentException(count + " workers from port " + firstPort);
    }
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      addresses.add("127.0.0.1:" + (firstPort + i));
    }
    List<Process> workers = new ArrayList<>();
    List<Thread> readers = new ArrayList<>();
    LocalCluster cluster = new LocalCluster(workers, readers);
    try {
      for (int i = 0; i < count; i++) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().put(ClusterConfig.ENVIRONMENT_VARIABLE, tfConfig(addresses, i));
        Process process = builder.start();
        workers.add(process);
        Thread reader = new Thread(forward(process, i, sink), "worker-" + i + "-output");
        reader.setDaemon(true);
        reader.start();
        readers.add(reader);
      }
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
    }
    return cluster;
  }

  public Process worker(int index) {
    return workers.get(index);
  }

  public int size() {
    return workers.size();
  }

  /**
   * Waits for every worker to end and returns the cluster's exit status: 0 if all succeeded, else
   * the first failure's status. Once one has failed, the others get {@code grace} to stop by
   * themselves (they do, within their cluster timeouts) before they are killed; {@code timeout}
   * bounds the whole run.
   */
  public int await(Duration timeout, Duration grace) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Integer failure = null;
    while (workers.stream().anyMatch(Process::isAlive)) {
      for (Process p : workers) {
        if (failure == null && !p.isAlive() && p.exitValue() != 0) {
          failure = p.exitValue();
          deadline = Math.min(deadline, System.nanoTime() + grace.toNanos());
        }
      }
      if (System.nanoTime() > deadline) {
        close();
        break;
      }
      Thread.sleep(50);
    }
    for (Thread reader : readers) {
      reader.join(TimeUnit.SECONDS.toMillis(5));
    }
    if (failure != null) {
      return failure;
    }
    for (Process p : workers) {
      int status = p.waitFor();
      if (status != 0) {
        return status;
      }
    }
    return 0;
  }

  /** Kills the workers still running. */
  @Override
  public void close() {
    workers.forEach(Process::destroyForcibly);
  }

  private static Runnable forward(Process process, int worker, LineSink sink) {
    return () -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          sink.line(worker, line);
        }
      } catch (IOException e) {
        sink.line(worker, "(its output could not be read: " + e.getMessage() + ")");
      }
    };
  }
}
