package dev.nnc.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The launcher alone, with shell commands for workers (no servers, no network). */
class LocalClusterTest {
  @Test
  void eachWorkerIsToldWhichTaskItIs() throws Exception {
    ClusterTask task = ClusterConfig.parse("TF_CONFIG", LocalCluster.tfConfig(List.of("127.0.0.1:5000", "127.0.0.1:5001"), 1))
        .taskFor(OptionalInt.empty());
    assertEquals(new ClusterTask(List.of("127.0.0.1:5000", "127.0.0.1:5001"), 1), task);

    ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    try (LocalCluster cluster = LocalCluster.start(List.of("sh", "-c", "echo \"$TF_CONFIG\"; echo $GREETING >&2"), 2, 5000,
        Map.of("GREETING", "hello"), (worker, line) -> lines.add(worker + ": " + line))) {
      assertEquals(0, cluster.await(Duration.ofSeconds(30), Duration.ofSeconds(5)));
    }
    assertTrue(lines.contains("0: " + LocalCluster.tfConfig(List.of("127.0.0.1:5000", "127.0.0.1:5001"), 0)), lines.toString());
    assertTrue(lines.contains("1: hello"), "stderr is forwarded too: " + lines);
  }

  @Test
  void aFailedWorkerEndsTheClusterWithItsStatusAndTheOthersAreKilledAfterTheGrace() throws Exception {
    // Worker 0 fails at once; worker 1 would run for a minute.
    String script = "case \"$TF_CONFIG\" in *'\"index\":0'*) exit 3;; *) sleep 60;; esac";
    try (LocalCluster cluster = LocalCluster.start(List.of("sh", "-c", script), 2, 5000, Map.of(), (worker, line) -> {})) {
      long start = System.nanoTime();
      assertEquals(3, cluster.await(Duration.ofSeconds(50), Duration.ofSeconds(1)));
      assertTrue(System.nanoTime() - start < 20_000_000_000L, "the grace, not the sleep, bounds the wait");
      assertTrue(cluster.worker(1).waitFor(5, TimeUnit.SECONDS));
      assertEquals(128 + 9, cluster.worker(1).exitValue(), "worker 1 was killed (SIGKILL), not left to finish");
    }
  }
}
