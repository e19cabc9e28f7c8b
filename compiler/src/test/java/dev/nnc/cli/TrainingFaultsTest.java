package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while training, met through the command line: each is an error message and exit code 1,
 * never a stack trace, and what was saved before the fault is still there.
 */
class TrainingFaultsTest {
  /** {@code %s}: the data source. Wide enough that a checkpoint's weights are ~500 KB. */
  private static final String JOB = """
      model M { input x: float[2]  output y = x -> dense(20000) -> relu -> dense(1) }
      data d { train = %s }
      train fit {
        model: M()
        data: d.train
        loss: mse(y, t)
        optimizer: adam(lr: %s)
        batch: 2
        epochs: 6
        checkpoint: every(2 steps), keep: 5
        seed: 1
      }
      """;
  private static final String RECORDS = "records { x: float[2], t: float[1]  [0, 1] [1]  [1, 0] [0]  [1, 1] [0]  [0, 0] [1] }";

  @TempDir Path dir;

  private record Run(int status, String err) {}

  @Test
  void anInfiniteInputIsRefusedWhereItIs() throws IOException {
    Files.writeString(dir.resolve("d.csv"), "0,1,1\n1e999,0,0\n");
    Path source = write(JOB.formatted("csv(\"d.csv\", header: false, x: columns(0..2), t: columns(2..3))", "1e-3"));
    Run run = nnc("train", source.toString(), "--log-dir", dir.resolve("log").toString());
    assertEquals(Nnc.PROGRAM_ERRORS, run.status(), run.err());
    assertEquals("error: " + dir.resolve("d.csv") + ":2: column 0 (field x): 1e999 is too large for a float "
        + "(at most about 3.4e38)\n", run.err());
  }

  /**
   * A loss that becomes NaN stops the run, naming the last good checkpoint, which is kept: the run
   * resumes (the learning rate may change on resuming) with a rate that makes it diverge.
   */
  @Test
  void aDivergingLossStopsWithTheLastGoodCheckpointKept() throws IOException {
    Path log = dir.resolve("log");
    Run first = nnc("train", write(JOB.formatted(RECORDS, "1e-3")).toString(), "--log-dir", log.toString(), "--steps", "4");
    assertEquals(Nnc.OK, first.status(), first.err());
    Run run = nnc("train", write(JOB.formatted(RECORDS, "1e30")).toString(), "--log-dir", log.toString(), "--resume");
    assertEquals(Nnc.PROGRAM_ERRORS, run.status(), run.err());
    requireNoStackTrace(run.err());
    assertTrue(run.err().contains("try a lower learning rate"), run.err());
    Path lastGood = log.resolve("checkpoints").resolve("ckpt-4");
    assertTrue(run.err().contains("the last good checkpoint is " + lastGood), run.err());
    assertTrue(Files.isRegularFile(lastGood.resolve("variables.index")), lastGood + " was lost");
  }

  @Test
  void anUnwritableLogDirectoryIsAnErrorNamingIt() throws IOException {
    Path source = write(JOB.formatted(RECORDS, "1e-3"));
    // Beneath a file: unwritable even for root, who ignores permissions.
    Path log = Files.writeString(dir.resolve("a-file"), "").resolve("log");
    Run run = nnc("train", source.toString(), "--log-dir", log.toString());
    assertEquals(Nnc.PROGRAM_ERRORS, run.status(), run.err());
    requireNoStackTrace(run.err());
    assertTrue(run.err().startsWith("error: cannot write " + log), run.err());
  }

  @Test
  void aControlCharacterInTheLogDirectoryIsRefusedBeforeCompiling() throws IOException {
    Path source = write(JOB.formatted(RECORDS, "1e-3"));
    Path log = dir.resolve("lo\ng");
    Run run = nnc("train", source.toString(), "--log-dir", log.toString());
    assertEquals(Nnc.USAGE, run.status(), run.err());
    assertEquals("error: --log-dir " + log + " has a control character (U+000A) at character " + (dir.toString().length() + 4)
        + "; name a folder without control characters", run.err().strip());
    assertFalse(Files.exists(log));
  }

  /**
   * A full disk while writing a checkpoint, simulated with a file-size limit ({@code ulimit -f}) on
   * a separate {@code nnc train}: writing the weights fails as on a full disk. The run stops with an
   * error; the checkpoints written before (by an earlier run) are intact, and resuming without the
   * limit completes.
   */
  @Test
  void aFullDiskWhileCheckpointingLosesNothingSaved() throws Exception {
    Path source = write(JOB.formatted(RECORDS, "1e-3"));
    Path log = dir.resolve("log");
    Run first = nnc("train", source.toString(), "--log-dir", log.toString(), "--steps", "4");
    assertEquals(Nnc.OK, first.status(), first.err());
    List<Path> saved = checkpoints(log);
    assertEquals(List.of("ckpt-2", "ckpt-4"), saved.stream().map(p -> p.getFileName().toString()).toList());

    // 256 KiB: the logs and metrics fit, the ~500 KB of weights (with Adam's slots, more) do not.
    List<String> command = new ArrayList<>(List.of("bash", "-c", "ulimit -f 256 && exec \"$0\" \"$@\""));
    command.addAll(NncJvm.command("train", source.toString(), "--log-dir", log.toString(), "--resume"));
    Process limited = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(limited.getInputStream().readAllBytes());
    assertEquals(Nnc.PROGRAM_ERRORS, limited.waitFor(), output);
    requireNoStackTrace(output);
    assertTrue(output.contains("error: cannot write " + log.resolve("checkpoints").resolve("ckpt-6")), output);

    for (Path checkpoint : saved) {
      assertTrue(Files.isRegularFile(checkpoint.resolve("variables.index")), checkpoint + " was lost");
    }
    Run resumed = nnc("train", source.toString(), "--log-dir", log.toString(), "--resume");
    assertEquals(Nnc.OK, resumed.status(), resumed.err());
    assertEquals(7, Files.readAllLines(log.resolve("metrics.csv")).size());
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("fit.nn"), text);
  }

  private static Run nnc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Nnc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, err.toString());
  }

  private static void requireNoStackTrace(String output) {
    for (String trace : List.of("Exception", "\tat ", "internal failure")) {
      assertFalse(output.contains(trace), "printed `" + trace + "`:\n" + output);
    }
  }

  private static List<Path> checkpoints(Path log) throws IOException {
    Path root = log.resolve("checkpoints");
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(p -> !p.toString().endsWith(".partial")).sorted().toList();
    }
  }
}
