package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nnc train} SIGKILLed while it exports ({@code strace -e inject=...:signal=KILL}), in a JVM of
 * its own, over an export a first run wrote: after each kill {@code nnc predict} still loads the path.
 * The kills land at the link's creation (the step before the switch) and at each {@code rename} the
 * run makes, TensorFlow's own included, in turn until a run completes.
 */
class ExportCrashTest {
  private static final String JOB = """
      model Line { input x: float[2]  output y = x -> dense(1) }
      data points {
        train = records {
          x: float[2], t: float[1]
          [0, 1] [1]
          [1, 0] [0]
        }
      }
      train line {
        model: Line()
        data: points.train
        loss: mse(y, t)
        optimizer: sgd(lr: 0.1)
        batch: 2
        epochs: 3
        export: "%s"
      }
      """;
  /** Renames of a run: more than its export and TensorFlow's saving make, so the loop ends by a run that completes. */
  private static final int MAX_RENAMES = 12;

  @TempDir Path dir;

  @Test
  @Timeout(600)
  void killedWhileExportingThePathStillLoads() throws Exception {
    assumeTrue(hasStrace(), "strace is not installed (apt-get install strace)");
    Path model = dir.resolve("model");
    Path source = Files.writeString(dir.resolve("line.nn"), JOB.formatted(model));
    Path input = Files.writeString(dir.resolve("x.csv"), "0,1\n1,0\n");
    StringWriter log = new StringWriter();
    assertEquals(0, Nnc.run(new String[] {"train", source.toString(), "--log-dir", dir.resolve("log0").toString()},
        new PrintWriter(log, true), new PrintWriter(log, true)), log::toString);
    requireLoads(model, input, "after the first export");

    List<String> kills = new ArrayList<>();
    int run = 0;
    boolean killed = train(source, ++run, "symlink", 1);
    assertTrue(killed, "no kill at the export's symlink");
    kills.add("symlink #1");
    requireLoads(model, input, "after a kill at the symlink");
    for (int n = 1; n <= MAX_RENAMES && killed; n++) {
      killed = train(source, ++run, "rename", n);
      if (killed) {
        kills.add("rename #" + n);
      }
      requireLoads(model, input, killed ? "after a kill at rename #" + n : "after a run that completed");
    }
    assertTrue(!killed, "runs were still killed at rename #" + MAX_RENAMES);
    System.out.println("ExportCrashTest: nnc predict loaded the export after each of " + kills);
  }

  /** {@code nnc train} under strace, killed at occurrence {@code n} of {@code call}; true if it was. */
  private boolean train(Path source, int run, String call, int n) throws Exception {
    List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=" + call,
        "-e", "inject=" + call + ":signal=KILL:when=" + n));
    command.addAll(NncJvm.command("train", source.toString(), "--log-dir", dir.resolve("log" + run).toString(),
        "--progress", "lines"));
    int status = NncJvm.start(command, ProcessBuilder.Redirect.to(dir.resolve("run" + run + ".log").toFile())).waitFor();
    assertTrue(status == 0 || status == 128 + 9, () -> "run " + run + " exited " + status + ":\n" + read(dir.resolve("run" + run + ".log")));
    return status != 0;
  }

  private static void requireLoads(Path model, Path input, String when) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Nnc.run(new String[] {"predict", "--model", model.toString(), "--json", input.toString()},
        new PrintWriter(out, true), new PrintWriter(err, true));
    assertEquals(0, status, () -> when + ": nnc predict failed: " + err);
    assertTrue(out.toString().contains("x.csv:2"), () -> when + ": " + out);
  }

  private static boolean hasStrace() {
    try {
      return new ProcessBuilder("strace", "-V").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(" + e.getMessage() + ")";
    }
  }
}
