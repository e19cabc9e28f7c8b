package dev.nnc.runtime.distributed;

import java.util.List;

/**
 * One worker of a cluster: the addresses of all workers and which of them this process is. Names
 * follow TensorFlow's: worker {@code i} is the task {@code /job:worker/replica:0/task:i}.
 */
public record ClusterTask(List<String> workers, int index) {
  public static final String JOB = "worker";

  public ClusterTask {
    workers = List.copyOf(workers);
    if (index < 0 || index >= workers.size()) {
      throw new IllegalArgumentException("task " + index + " of " + workers.size() + " workers");
    }
  }

  public int size() {
    return workers.size();
  }

  /** Worker 0 writes logs, checkpoints and exports, leads the collectives and broadcasts the weights. */
  public boolean isChief() {
    return index == 0;
  }

  public String address() {
    return workers.get(index);
  }

  /** The port this worker's server listens on (on every interface: TensorFlow ignores the host). */
  public int port() {
    return portOf(address());
  }

  /** TensorFlow's name of worker {@code i}. */
  public static String device(int i) {
    return "/job:" + JOB + "/replica:0/task:" + i;
  }

  /** What a message calls worker {@code i}: its number and address. */
  public String describe(int i) {
    return "worker " + i + " (" + workers.get(i) + ")";
  }

  static int portOf(String address) {
    return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
  }

  static String hostOf(String address) {
    String host = address.substring(0, address.lastIndexOf(':'));
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }
}
