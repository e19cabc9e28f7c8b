package dev.nnc.cli;

import static dev.nnc.cli.CliTest.nnc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.cli.CliTest.Run;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.run.JobRunner;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.train.TrainOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints and {@code --resume} for jobs with a {@code step} block, through the command line: a
 * run stopped part way and resumed ends with the variables and {@code metrics.csv} of a run that
 * went straight through, and its {@code every} blocks run once at each step they are due.
 */
class StepCheckpointTest {
  /**
   * Two models trained against each other with Adam, one with batch norm (its hidden width is
   * {@code %d}), on normal draws: 3 epochs
   * of 4 steps, a checkpoint every 3 steps, a report every 4.
   */
  private static final String GAN = """
      model Gen {
        input z: float[4]
        output x = z -> dense(%d) -> relu -> batchnorm -> dense(2)
      }
      model Disc {
        input x: float[2]
        output logit = x -> dense(8) -> relu -> dense(1)
      }
      data real {
        train = records {
          x: float[2]
          [0, 1] [1, 0] [1, 1] [0, 0] [0.5, 1] [1, 0.5] [0.2, 0.8] [0.8, 0.2]
        } | shuffle(8)
      }
      train gan {
        let g = Gen()
        let d = Disc()
        data: real.train
        batch: 2
        epochs: 3
        step {
          let z = normal([4])
          let d_loss = 0.5 * (bce(d(x), 1) + bce(d(g(z)), 0))
          let g_loss = bce(d(g(z)), 1)
          minimize d: d_loss with adam(lr: 0.01, beta1: 0.5)
          minimize g: g_loss with adam(lr: 0.01)
          report d_loss, g_loss
        }
        every(4 steps) {
          report fake: mean(d(g(normal([4])))), real: mean(d(x))
        }
        checkpoint: every(3 steps), keep: 2
      }
      """;

  /**
   * A restricted Boltzmann machine trained by contrastive divergence: raw parameters assigned by
   * {@code update}, Bernoulli draws; 3 epochs of 4 steps, a checkpoint after every epoch.
   */
  private static final String RBM = """
      model Rbm {
        param w: float[6, 3] = normal(0, 0.1)
        param a: float[6] = zeros
        param b: float[3] = zeros
        input v: float[6]
        output h = sigmoid(v @ w + b)
      }
      data patterns {
        train = records {
          v: float[6]
          [1, 1, 1, 0, 0, 0] [0, 0, 0, 1, 1, 1] [1, 0, 1, 0, 1, 0] [0, 1, 0, 1, 0, 1]
          [1, 1, 0, 0, 1, 1] [0, 0, 1, 1, 0, 0] [1, 1, 1, 1, 0, 0] [0, 0, 1, 1, 1, 1]
        } | shuffle(8)
      }
      train rbm {
        let r = Rbm()
        data: patterns.train
        batch: 2
        epochs: 3
        step {
          let h0 = r(v)
          let v1 = sigmoid(bernoulli(h0) @ transpose(r.w) + r.a)
          let h1 = r(v1)
          update r.w += 0.5 * (transpose(v) @ h0 - transpose(v1) @ h1)
          update r.a += 0.5 * mean(v - v1, axis: 0)
          update r.b += 0.5 * mean(h0 - h1, axis: 0)
          report recon: mse(v1, v)
        }
        every(1 epoch) {
          report energy: mean(r(v))
        }
        checkpoint: every(1 epoch)
      }
      """;

  @TempDir Path dir;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /**
   * Trains the job of {@code program} into {@code logDir}, for at most {@code steps} steps in all
   * (none for no limit); returns what it printed.
   */
  private static String train(Path program, Path logDir, long steps, boolean resume) throws Exception {
    Compilation c = Compilation.of(new SourceFile(program.toString(), Files.readString(program)), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TrainOptions.Builder options = TrainOptions.builder().logDir(logDir).resume(resume)
        .out(new PrintStream(out, true, StandardCharsets.UTF_8));
    if (steps > 0) {
      options.maxSteps(steps);
    }
    JobRunner.run(c.program(), c.program().jobNames().get(0), List.of(), options.build());
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The lines an {@code every} block printed, such as {@code step 8  fake 1.1742  real 0.3063}. */
  private static List<String> hookLines(String printed) {
    return printed.lines().filter(l -> l.startsWith("step ")).toList();
  }

  /**
   * Stops a run after {@code stopAfter} steps and resumes it; the resumed run ends as the straight
   * run did and prints the {@code every} lines the straight run printed after the checkpoint
   * ({@code hooksAfter}), each once.
   */
  private void resumedEndsAsStraight(Path program, int stopAfter, String finalCheckpoint, List<String> hooksAfter)
      throws Exception {
    Path straight = dir.resolve("straight");
    Path resumed = dir.resolve("resumed");
    String whole = train(program, straight, 0, false);
    train(program, resumed, stopAfter, false);

    String resume = train(program, resumed, 0, true);

    assertTrue(resume.startsWith("resuming from " + resumed.resolve("checkpoints")), resume);
    assertEquals(Files.readString(straight.resolve("metrics.csv")), Files.readString(resumed.resolve("metrics.csv")));
    String variables = "checkpoints/" + finalCheckpoint + "/variables.data-00000-of-00001";
    assertArrayEquals(Files.readAllBytes(straight.resolve(variables)), Files.readAllBytes(resumed.resolve(variables)));
    List<String> expected = hookLines(whole).stream().filter(l -> hooksAfter.stream().anyMatch(l::startsWith)).toList();
    assertEquals(hooksAfter.size(), expected.size(), whole);
    assertEquals(expected, hookLines(resume), resume);
  }

  /** Stopped after 7 steps, resumed from the checkpoint at step 6, mid-epoch. */
  @Test
  void aResumedGanEndsAsAnUninterruptedOne() throws Exception {
    resumedEndsAsStraight(write("gan.nn", GAN.formatted(8)), 7, "ckpt-12", List.of("step 8 ", "step 12 "));
  }

  /** Stopped after 6 steps, resumed from the checkpoint after the first epoch. */
  @Test
  void aResumedRbmEndsAsAnUninterruptedOne() throws Exception {
    resumedEndsAsStraight(write("rbm.nn", RBM), 6, "ckpt-12", List.of("step 8 ", "step 12 "));
  }

  @Test
  void resumingWithoutACheckpointSaysSo() throws Exception {
    Path logs = dir.resolve("logs");
    Run run = nnc("train", write("gan.nn", GAN.formatted(8)).toString(), "--log-dir", logs.toString(), "--resume");
    assertEquals(1, run.status());
    assertEquals("error: job gan: nothing to resume from: " + logs.resolve("checkpoints")
        + " holds no checkpoint\n", run.err());

    Run none = nnc("train", write("plain.nn", GAN.formatted(8).replace("checkpoint: every(3 steps), keep: 2", "")).toString(),
        "--log-dir", logs.toString(), "--resume");
    assertEquals(1, none.status());
    assertTrue(none.err().endsWith("holds no checkpoint; the job writes none (add `checkpoint: every(1 epoch)`)\n"),
        none.err());
  }

  @Test
  void aCheckpointOfAnotherGraphIsRefused() throws Exception {
    Path logs = dir.resolve("logs");
    assertEquals(0, nnc("train", write("gan.nn", GAN.formatted(8)).toString(), "--log-dir", logs.toString(),
        "--steps", "3").status());
    // The generator's hidden layer made wider: its weights no longer fit.
    Run run = nnc("train", write("wider.nn", GAN.formatted(9)).toString(), "--log-dir", logs.toString(), "--resume");
    assertEquals(1, run.status(), run.out());
    assertTrue(run.err().startsWith("error: job gan: cannot resume from " + logs.resolve("checkpoints").resolve("ckpt-3")
        + ": it belongs to a different program or settings: variable "), run.err());
  }

  /**
   * A minimized loss that becomes infinite stops the run, naming the last good checkpoint, even
   * when the step does not report it: the run resumes with a learning rate that makes it diverge.
   */
  @Test
  void aDivergingMinimizedLossStopsWithTheLastGoodCheckpoint() throws Exception {
    String job = """
        model Pair {
          param w: float[2] = ones
          input x: float[2]
          output y = x * w
        }
        data points {
          train = records { x: float[2]  [1, 2] [3, 4] [5, 6] [7, 8] }
        }
        train fit {
          let m = Pair()
          data: points.train
          batch: 2
          epochs: 10
          step {
            minimize m: mean(square(m(x))) with adam(lr: %s)
            report w: sum(m.w)
          }
          checkpoint: every(2 steps)
        }
        """;
    Path logs = dir.resolve("logs");
    assertEquals(0, nnc("train", write("fit.nn", job.formatted("0.01")).toString(), "--log-dir", logs.toString(),
        "--steps", "4").status());

    Run run = nnc("train", write("fit.nn", job.formatted("1e30")).toString(), "--log-dir", logs.toString(), "--resume");

    assertEquals(1, run.status(), run.out());
    assertTrue(run.err().startsWith("error: job fit: the loss minimized for m became Infinity at epoch 3, step 2; "
        + "try a lower learning rate, or check the data; the last good checkpoint is "
        + logs.resolve("checkpoints").resolve("ckpt-4")), run.err());
  }
}
