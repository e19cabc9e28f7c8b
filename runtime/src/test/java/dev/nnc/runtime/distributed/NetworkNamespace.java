package dev.nnc.runtime.distributed;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command inside a fresh, private network namespace whose only interface is its own loopback,
 * brought up first: {@code unshare -n} as root, or {@code unshare -r -n} (a user namespace too)
 * where unprivileged user namespaces are allowed. Servers started in it are reachable from nowhere else.
 */
final class NetworkNamespace {
  private static final List<List<String>> WAYS = List.of(List.of("unshare", "-n"), List.of("unshare", "-r", "-n"));

  private final List<String> unshare;

  private NetworkNamespace(List<String> unshare) {
    this.unshare = unshare;
  }

  /** The first way of making a namespace that works here, or why none does. */
  static Result find() {
    List<String> why = new ArrayList<>();
    for (List<String> way : WAYS) {
      try {
        Process probe = new NetworkNamespace(way).builder(List.of("true")).redirectErrorStream(true).start();
        String output = new String(probe.getInputStream().readAllBytes()).trim();
        if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
          return new Result(Optional.of(new NetworkNamespace(way)), "");
        }
        why.add(String.join(" ", way) + ": " + output);
      } catch (IOException | InterruptedException e) {
        why.add(String.join(" ", way) + ": " + e.getMessage());
      }
    }
    return new Result(Optional.empty(), String.join("; ", why));
  }

  record Result(Optional<NetworkNamespace> namespace, String whyNot) {}

  /** {@code command} to run in a namespace of its own, with the loopback up. */
  ProcessBuilder builder(List<String> command) {
    List<String> full = new ArrayList<>(unshare);
    full.addAll(List.of("--", "sh", "-c", "ip link set lo up && exec \"$0\" \"$@\""));
    full.addAll(command);
    return new ProcessBuilder(full);
  }
}
