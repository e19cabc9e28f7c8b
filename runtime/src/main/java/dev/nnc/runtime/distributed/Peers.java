package dev.nnc.runtime.distributed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the other workers' servers accept connections: waited for before the first collective
 * (so a worker that never comes up is named, not waited for forever), and asked again after a
 * collective failed, to name the worker that died.
 */
final class Peers {
  private static final int CONNECT_MILLIS = 1000;

  private Peers() {}

  /** Waits until every other worker accepts a connection; names those that did not within {@code timeout}. */
  static void awaitAll(ClusterTask task, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Integer> missing = others(task);
    while (true) {
      missing = unreachable(task, missing);
      if (missing.isEmpty()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new ClusterException(describe(task, missing) + " cannot be reached after " + timeout.toSeconds()
            + " s (started? the address and port right? a firewall between?)");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClusterException("interrupted while waiting for " + describe(task, missing));
      }
    }
  }

  /** The other workers that refuse a connection now. */
  static List<Integer> unreachable(ClusterTask task) {
    return unreachable(task, others(task));
  }

  static String describe(ClusterTask task, List<Integer> workers) {
    List<String> names = workers.stream().map(task::describe).toList();
    return String.join(", ", names);
  }

  private static List<Integer> unreachable(ClusterTask task, List<Integer> candidates) {
    List<Integer> down = new ArrayList<>();
    for (int i : candidates) {
      String address = task.workers().get(i);
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(ClusterTask.hostOf(address), ClusterTask.portOf(address)), CONNECT_MILLIS);
      } catch (IOException e) {
        down.add(i);
      }
    }
    return down;
  }

  /** Every worker but this one. */
  static List<Integer> others(ClusterTask task) {
    List<Integer> others = new ArrayList<>();
    for (int i = 0; i < task.size(); i++) {
      if (i != task.index()) {
        others.add(i);
      }
    }
    return others;
  }
}
