package dev.nnc.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, messages, and the files it writes. */
class CliTest {
  private static final String GOOD = "src/test/resources/programs/shapes.nn";

  @TempDir Path dir;

  record Run(int status, String out, String err) {}

  static Run nnc(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Nnc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  private Path write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void versionAndHelp() {
    Run version = nnc("--version");
    assertEquals(0, version.status());
    assertTrue(version.out().startsWith("nnc "), version.out());
    Run help = nnc("--help");
    assertEquals(0, help.status());
    for (String command : new String[] {"check", "compile", "train", "eval", "predict", "summary"}) {
      assertTrue(help.out().contains(command), help.out());
    }
    for (String[] args : new String[][] {{"train", "--help"}, {"help", "train"}}) {
      Run train = nnc(args);
      assertEquals(0, train.status(), train.err());
      assertTrue(train.out().startsWith("Usage: nnc train "), train.out());
      assertTrue(train.out().contains("--resume"), train.out());
    }
  }

  @Test
  void aUsageErrorExitsWithTwo() {
    Run run = nnc("check", "--no-such-option", GOOD);
    assertEquals(2, run.status());
    assertTrue(run.err().contains("Unknown option"), run.err());
    assertEquals(2, nnc("frobnicate").status());
  }

  @Test
  void checkingAGoodProgramSaysNothingAndExitsZero() {
    Run run = nnc("check", GOOD);
    assertEquals(0, run.status(), run.err());
    assertEquals("", run.err());
  }

  @Test
  void aMissingFileIsAnErrorNotAStackTrace() {
    Run run = nnc("check", dir.resolve("absent.nn").toString());
    assertEquals(1, run.status());
    assertTrue(run.err().contains("absent.nn: no such file"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void errorsArePrintedWithPositionSourceAndHelpThenCounted() throws Exception {
    Path bad = write("bad.nn", "model M {\n  input x: float[4]\n  output y = x -> dens(10)\n}\n");
    Run run = nnc("check", bad.toString());
    assertEquals(1, run.status());
    assertEquals(
        bad + ":3:19: error[NN0101]: unknown name `dens`\n"
            + "  |\n"
            + "3 |   output y = x -> dens(10)\n"
            + "  |                   ^^^^\n"
            + "  = help: did you mean `dense`?\n"
            + "\n1 error\n",
        run.err());
  }

  @Test
  void diagnosticsAsJson() throws Exception {
    Path bad = write("bad.nn", "model M {\n  input x: float[4]\n  output y = x -> dense(10, activaton: relu)\n}\n");
    Run run = nnc("check", "--diagnostics", "json", bad.toString());
    assertEquals(1, run.status());
    JsonObject d = JsonParser.parseString(run.err()).getAsJsonArray().get(0).getAsJsonObject();
    assertEquals("NN0202", d.get("code").getAsString());
    assertEquals("error", d.get("severity").getAsString());
    assertEquals(bad.toString(), d.get("file").getAsString());
    assertEquals(List.of(3, 29, 3, 38), List.of(d.get("line").getAsInt(), d.get("column").getAsInt(),
        d.get("endLine").getAsInt(), d.get("endColumn").getAsInt()), "activaton: columns 29 to 37, the end just after");
    assertTrue(d.get("help").getAsString().startsWith("did you mean `activation`?"), run.err());
  }

  /** SARIF 2.1.0, what code-scanning services read: a rule per code and a result per diagnostic. */
  @Test
  void diagnosticsAsSarif() throws Exception {
    Path bad = write("bad.nn", "model M {\n  input x: float[4]\n  output y = x -> dense(10, activaton: relu)\n}\n");
    Run run = nnc("check", "--diagnostics", "sarif", bad.toString());
    assertEquals(1, run.status());
    JsonObject log = JsonParser.parseString(run.err()).getAsJsonObject();
    assertEquals("2.1.0", log.get("version").getAsString());
    JsonObject sarifRun = log.getAsJsonArray("runs").get(0).getAsJsonObject();
    JsonObject rule = sarifRun.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules").get(0).getAsJsonObject();
    assertEquals("NN0202", rule.get("id").getAsString());
    JsonObject result = sarifRun.getAsJsonArray("results").get(0).getAsJsonObject();
    assertEquals("NN0202", result.get("ruleId").getAsString());
    assertEquals("error", result.get("level").getAsString());
    assertTrue(result.getAsJsonObject("message").get("text").getAsString().contains("help: did you mean `activation`?"));
    JsonObject location = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
    assertEquals(bad.toUri().toString(), location.getAsJsonObject("artifactLocation").get("uri").getAsString());
    JsonObject region = location.getAsJsonObject("region");
    assertEquals(3, region.get("startLine").getAsInt());
    assertEquals(29, region.get("startColumn").getAsInt());
    assertEquals(38, region.get("endColumn").getAsInt());
  }

  @Test
  void compileWritesOneClassPerModel() throws Exception {
    Run run = nnc("compile", GOOD, "-d", dir.toString(), "--package", "demo");
    assertEquals(0, run.status(), run.err());
    assertTrue(Files.readString(dir.resolve("demo/Cnn.java")).contains("public final class Cnn implements ModelFunction"));
    assertTrue(Files.exists(dir.resolve("demo/Tower.java")));
  }

  @Test
  void summaryPrintsTheLayerTable() {
    Run run = nnc("summary", GOOD, "Mlp");
    assertEquals(0, run.status(), run.err());
    assertTrue(run.out().contains("Total params: 235,146"), run.out());
    assertEquals(1, nnc("summary", GOOD, "Nope").status());
  }

  @Test
  void graphDrawsEveryLayerWithTheShapeOnEachEdge() throws Exception {
    Run run = nnc("graph", GOOD, "Tower");
    assertEquals(0, run.status(), run.err());
    String dot = run.out();
    assertTrue(dot.startsWith("digraph \"Tower\" {"), dot);
    // The shared layer is drawn once, named after its `let`, fed by both branches.
    assertTrue(dot.contains("\"shared\" [label=\"shared\\ndense\\n131,080 params\"];"), dot);
    assertTrue(dot.contains("\"flatten\" -> \"shared\" [label=\" [batch, 16384]\"];"), dot);
    assertTrue(dot.contains("\"dense\" -> \"shared\" [label=\" [batch, 16384]\"];"), dot);
    assertTrue(dot.contains("\"image\" -> \"block\" [label=\" [batch, 16, 16, 64]\"];"), dot);
    assertTrue(dot.contains("\"shared\" -> \"output a\";"), dot);

    Path file = dir.resolve("tower.dot");
    assertEquals(0, nnc("graph", GOOD, "Tower", "-o", file.toString()).status());
    assertEquals(dot, Files.readString(file));
  }

  @Test
  void graphDrawsSvgAndPngWithoutGraphviz() throws Exception {
    Path svg = dir.resolve("tower.svg");
    Run run = nnc("graph", GOOD, "Tower", "-o", svg.toString());
    assertEquals(0, run.status(), run.err());
    String text = Files.readString(svg);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), text);
    assertTrue(text.contains(">131,080 params</text>") && text.contains(">[batch, 16, 16, 64]</text>"), text);

    Path png = dir.resolve("tower.PNG");
    run = nnc("graph", GOOD, "Tower", "-o", png.toString());
    assertEquals(0, run.status(), run.err());
    java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
    assertTrue(image != null && image.getWidth() > 200 && image.getHeight() > image.getWidth(), "a tall PNG");
  }

  @Test
  void trainRunsAJobAndWritesMetrics() throws Exception {
    Path program = write("xor.nn", """
        model Xor {
          input x: float[2]
          output y = x -> dense(8) -> tanh -> dense(1)
        }
        data truth {
          train = records {
            x: float[2], target: float[1]
            [0, 0] [0]
            [0, 1] [1]
            [1, 0] [1]
            [1, 1] [0]
          }
        }
        train xor {
          model: Xor()
          data: truth.train
          loss: bce(y, target)
          optimizer: adam(lr: 0.05)
          batch: 4
          epochs: 5
          metrics: [accuracy(y, target)]
        }
        """);
    Path logs = dir.resolve("logs");
    Run run = nnc("train", program.toString(), "--log-dir", logs.toString(), "--epochs", "3");
    assertEquals(0, run.status(), run.err());
    assertEquals(
        "epoch,loss,accuracy",
        Files.readAllLines(logs.resolve("metrics.csv")).get(0));
    assertEquals(4, Files.readAllLines(logs.resolve("metrics.csv")).size());
    Run noJob = nnc("train", GOOD);
    assertEquals(1, noJob.status());
    assertTrue(noJob.err().contains("has no train job"), noJob.err());
  }

  /**
   * Batch norm (moving statistics), dropout (a mask each step) and Adam (slots): a run stopped
   * after 7 of 12 steps and resumed from its checkpoint at step 6 ends with the variables and
   * metrics.csv of a run that went straight through.
   */
  @Test
  void aResumedRunEndsAsAnUninterruptedOne() throws Exception {
    Path program = noisy();
    Path straight = dir.resolve("straight");
    Path resumed = dir.resolve("resumed");
    assertEquals(0, nnc("train", program.toString(), "--log-dir", straight.toString()).status());
    assertEquals(0, nnc("train", program.toString(), "--log-dir", resumed.toString(), "--steps", "7").status());

    Run resume = nnc("train", program.toString(), "--log-dir", resumed.toString(), "--resume");

    assertEquals(0, resume.status(), resume.err());
    assertEquals(Files.readString(straight.resolve("metrics.csv")), Files.readString(resumed.resolve("metrics.csv")));
    String variables = "checkpoints/ckpt-12/variables.data-00000-of-00001";
    assertArrayEquals(Files.readAllBytes(straight.resolve(variables)), Files.readAllBytes(resumed.resolve(variables)));
  }

  @Test
  void resumingWithoutACheckpointSaysSo() throws Exception {
    Path logs = dir.resolve("logs");
    Run run = nnc("train", noisy().toString(), "--log-dir", logs.toString(), "--resume");

    assertEquals(1, run.status());
    assertEquals("error: job noisy: nothing to resume from: " + logs.resolve("checkpoints")
        + " holds no checkpoint\n", run.err());
  }

  @Test
  void trainsOnTheDeviceAskedFor() throws Exception {
    Path program = noisy();
    Run cpu = nnc("train", program.toString(), "--log-dir", dir.resolve("cpu").toString(), "--device", "cpu");
    assertEquals(0, cpu.status(), cpu.err());

    Run tpu = nnc("train", program.toString(), "--device", "tpu");
    assertEquals(2, tpu.status());
    assertTrue(tpu.err().contains("a device is cpu, gpu or gpu:N (N the GPU's number, from 0), not 'tpu'"), tpu.err());

    Run gpu = nnc("train", program.toString(), "--log-dir", dir.resolve("gpu").toString(), "--device", "gpu");
    assumeTrue(gpu.status() != 0, "this machine has a GPU and the GPU build");
    assertEquals(1, gpu.status());
    // One line saying why (the CPU-only library, or no such GPU), never a stack trace.
    assertTrue(gpu.err().startsWith("error: --device gpu:0: "), gpu.err());
    assertEquals(1, gpu.err().lines().count(), gpu.err());
  }

  /** A job of 3 epochs of 4 steps, with a checkpoint every 3 steps. */
  private Path noisy() throws Exception {
    return write("noisy.nn", """
        model Noisy {
          input x: float[2]
          output y = x -> dense(8) -> batchnorm -> relu -> dropout(0.5) -> dense(1)
        }
        data truth {
          train = records {
            x: float[2], target: float[1]
            [0, 0] [0]
            [0, 1] [1]
            [1, 0] [1]
            [1, 1] [0]
            [0, 0] [0]
            [0, 1] [1]
            [1, 0] [1]
            [1, 1] [0]
          } | shuffle(8)
        }
        train noisy {
          model: Noisy()
          data: truth.train
          validate: truth.train
          loss: bce(y, target)
          optimizer: adam(lr: 0.05)
          batch: 2
          epochs: 3
          metrics: [accuracy(y, target)]
          checkpoint: every(3 steps), keep: 2
        }
        """);
  }
}
