package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's quiet output: {@code .mvn/tf-quiet} (what {@code ./nnc} and the test JVMs run
 * through) takes TensorFlow's Abseil info lines out of a command's standard error and leaves the
 * rest, its output and its exit status alone.
 */
class QuietOutputTest {
  private static final Path TF_QUIET = Path.of("..", ".mvn", "tf-quiet").toAbsolutePath().normalize();

  @TempDir Path dir;

  record Result(int status, String out, String err) {}

  /** Runs the command through tf-quiet, reading its output and error through pipes to their end. */
  private Result run(List<String> command) throws Exception {
    // Java's process reaper keeps only what a pipe holds when the process exits, but the filter may
    // still be writing then (it outlives the command it replaced). A pipeline's last stage, cat, ends
    // only when the filter has closed the pipe, and bash waits for it; the status is the command's.
    List<String> full = new ArrayList<>(List.of("bash", "-c",
        "{ bash \"$0\" \"$@\" 2>&1 >&3 3>&- | cat >&2; exit \"${PIPESTATUS[0]}\"; } 3>&1", TF_QUIET.toString()));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full);
    builder.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    Process process = builder.start();
    process.getOutputStream().close();
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    String out = read(process.getInputStream());
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "finished");
    return new Result(process.exitValue(), out, err.get(120, TimeUnit.SECONDS));
  }

  private static String read(InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void dropsAbseilInfoAndWarningLinesAndKeepsErrorsOutputAndStatus() throws Exception {
    Result r = run(List.of("bash", "-c", String.join("; ",
        "echo 'WARNING: All log messages before absl::InitializeLog() is called are written to STDERR' >&2",
        "echo 'I0000 00:00:1796408470.872786   10659 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled' >&2",
        "echo 'W1204 18:20:35.123456    4242 cpu_feature_guard.cc:12] some warning' >&2",
        "echo 'E1204 18:20:35.123456    4242 session.cc:99] a real error' >&2",
        "echo 'xor.nn:3:5: error NN0101: unknown layer' >&2",
        "echo epoch 1/1",
        "exit 7")));
    assertEquals(7, r.status());
    assertEquals("epoch 1/1\n", r.out());
    assertEquals("E1204 18:20:35.123456    4242 session.cc:99] a real error\nxor.nn:3:5: error NN0101: unknown layer\n", r.err());
  }

  @Test
  void signalsReachTheCommandItself() throws Exception {
    Process process = new ProcessBuilder("bash", TF_QUIET.toString(), "sleep", "60").start();
    // The command took the script's place: the process is sleep, and killing it ends sleep.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!process.info().command().orElse("").endsWith("sleep") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(process.info().command().orElse("").endsWith("sleep"), "exec'd: " + process.info().command());
    process.destroy();
    assertTrue(process.waitFor(10, TimeUnit.SECONDS), "a TERM ended the command");
  }

  @Test
  void trainingWithTensorFlowPrintsNoLogLines() throws Exception {
    Path program = dir.resolve("xor.nn");
    Files.writeString(program, """
        model Xor { input x: float[2]  output y = x -> dense(4) -> tanh -> dense(1) }
        data truth {
          train = records {
            x: float[2], target: float[1]
            [0, 0] [0]
            [1, 1] [0]
          }
        }
        train xor { model: Xor()  data: truth.train  loss: bce(y, target)  optimizer: adam(lr: 0.05)  batch: 2  epochs: 1 }
        """);
    Result r = run(NncJvm.command("train", program.toString(), "--log-dir", dir.resolve("runs").toString()));
    assertEquals(0, r.status(), r.err());
    assertTrue(r.out().contains("epoch 1/1"), r.out());
    assertEquals("", r.err(), "TensorFlow's lines are gone");
  }

  @Test
  void verboseIsAnOptionOfEveryCommand() {
    assertEquals(0, CliTest.nnc("--verbose", "check", "src/test/resources/programs/shapes.nn").status());
    CliTest.Run run = CliTest.nnc("check", "--verbose", "src/test/resources/programs/shapes.nn");
    assertEquals(0, run.status(), run.err());
    assertFalse(run.err().contains("Unknown option"), run.err());
  }
}
