package dev.nnc.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterConfigTest {
  @Test
  void readsTheTfConfigFormatWithItsTask() {
    ClusterConfig config = ClusterConfig.parse("TF_CONFIG",
        "{\"cluster\": {\"worker\": [\"10.0.0.1:2222\", \"10.0.0.2:2223\"]}, \"task\": {\"type\": \"worker\", \"index\": 1}}");
    ClusterTask task = config.taskFor(OptionalInt.empty());
    assertEquals(List.of("10.0.0.1:2222", "10.0.0.2:2223"), task.workers());
    assertEquals(1, task.index());
    assertEquals(2223, task.port());
    assertEquals("/job:worker/replica:0/task:1", ClusterTask.device(1));
    assertTrue(config.taskFor(OptionalInt.of(0)).isChief(), "--task overrides the file's task");
  }

  @Test
  void readsTheEnvironmentVariableOnlyWhenSet() {
    assertTrue(ClusterConfig.fromEnvironment(Map.of()).isEmpty());
    assertTrue(ClusterConfig.fromEnvironment(Map.of("TF_CONFIG", "  ")).isEmpty());
    assertEquals(List.of("h:1"), ClusterConfig.fromEnvironment(Map.of("TF_CONFIG", "{\"cluster\":{\"worker\":[\"h:1\"]}}"))
        .orElseThrow().workers());
  }

  @Test
  void aFileNamesItselfAndTheTaskComesFromTheCommandLine(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cluster.json");
    Files.writeString(file, "{\"cluster\": {\"worker\": [\"127.0.0.1:2222\", \"127.0.0.1:2223\"]}}");
    ClusterConfig config = ClusterConfig.read(file);
    assertEquals(1, config.taskFor(OptionalInt.of(1)).index());
    assertEquals(file + ": which worker is this process? Give --task N, or \"task\": {\"type\": \"worker\", \"index\": N} in the description",
        error(() -> config.taskFor(OptionalInt.empty())));
    assertEquals("--task 2: " + file + " has 2 workers, numbered 0 to 1", error(() -> config.taskFor(OptionalInt.of(2))));
    assertEquals(dir.resolve("none.json") + ": no such file (a cluster description, as in {\"cluster\": {\"worker\": [\"host:2222\", ...]}})",
        error(() -> ClusterConfig.read(dir.resolve("none.json"))));
  }

  @Test
  void malformedJsonIsReportedWithLineAndColumn() {
    String message = error(() -> ClusterConfig.parse("cluster.json", "{\"cluster\": {\n  \"worker\": [\"a:1\",]\n}}"));
    assertTrue(message.startsWith("cluster.json:2:"), message);
    assertTrue(message.contains("malformed JSON: not JSON from here on (a trailing comma"), message);
    assertEquals("cluster.json:1:35: malformed JSON: not JSON from here on (a trailing comma, a comment, a name without quotes, a second value?)",
        error(() -> ClusterConfig.parse("cluster.json", "{\"cluster\": {\"worker\": [\"a:1\"]}} {}")));
  }

  @Test
  void wrongContentSaysWhereAndWhat() {
    assertEquals("cluster.json: $: expected an object {\"cluster\": {\"worker\": [...]}}, found a list",
        error(() -> ClusterConfig.parse("cluster.json", "[]")));
    assertEquals("cluster.json: $.cluster: expected an object {\"worker\": [\"host:port\", ...]}, found nothing",
        error(() -> ClusterConfig.parse("cluster.json", "{\"task\": {}}")));
    assertEquals("cluster.json: $.cluster.worker: expected a non-empty list of \"host:port\", found a list",
        error(() -> ClusterConfig.parse("cluster.json", "{\"cluster\": {\"worker\": []}}")));
    assertEquals("cluster.json: $.cluster.worker[1]: expected \"host:port\" (as in \"10.0.0.1:2222\"), found \"10.0.0.2\"",
        error(() -> ClusterConfig.parse("cluster.json", "{\"cluster\": {\"worker\": [\"10.0.0.1:2222\", \"10.0.0.2\"]}}")));
    assertEquals("cluster.json: $.cluster.worker[0]: expected \"host:port\", found 2222",
        error(() -> ClusterConfig.parse("cluster.json", "{\"cluster\": {\"worker\": [2222]}}")));
    assertEquals("cluster.json: $.cluster.worker[0]: port 70000 is not between 1 and 65535",
        error(() -> ClusterConfig.parse("cluster.json", "{\"cluster\": {\"worker\": [\"h:70000\"]}}")));
    assertEquals("cluster.json: $.cluster.worker[1]: \"h:1\" is already worker 0; every worker needs an address and port of its own",
        error(() -> ClusterConfig.parse("cluster.json", "{\"cluster\": {\"worker\": [\"h:1\", \"h:1\"]}}")));
  }

  @Test
  void parameterServersAndOtherRolesAreRefusedWithTheReason() {
    String ps = error(() -> ClusterConfig.parse("TF_CONFIG", "{\"cluster\": {\"worker\": [\"h:1\"], \"ps\": [\"h:2\"]}}"));
    assertEquals("TF_CONFIG: $.cluster.ps: nnc's clusters have only workers (job \"worker\"; worker 0 is the chief,"
        + " and the synchronous all-reduce needs no parameter server), not job \"ps\"", ps);
    assertEquals("TF_CONFIG: $.task.type: expected \"worker\" (nnc's clusters have only workers), found \"chief\"",
        error(() -> ClusterConfig.parse("TF_CONFIG", "{\"cluster\": {\"worker\": [\"h:1\"]}, \"task\": {\"type\": \"chief\", \"index\": 0}}")));
    assertEquals("TF_CONFIG: $.task.index: worker 3 does not exist: the cluster has 1 workers, numbered 0 to 0",
        error(() -> ClusterConfig.parse("TF_CONFIG", "{\"cluster\": {\"worker\": [\"h:1\"]}, \"task\": {\"type\": \"worker\", \"index\": 3}}")));
    assertEquals("TF_CONFIG: $.task.index: expected the worker's number, from 0, found -1",
        error(() -> ClusterConfig.parse("TF_CONFIG", "{\"cluster\": {\"worker\": [\"h:1\"]}, \"task\": {\"type\": \"worker\", \"index\": -1}}")));
  }

  private static String error(Runnable action) {
    return assertThrows(ClusterException.class, action::run).getMessage();
  }
}
