package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate:} and {@code stop: early(...)} in jobs with a {@code step} block, which run in the
 * same loop as declarative jobs: after each epoch the step's reported values are computed on the
 * validation data, with the weights the epoch left and nothing updated, as {@code val_...}; early
 * stopping watches them and puts back the best epoch's weights.
 */
class StepValidationTest {
  /** Pair and its training records, and validation records that are all ones. */
  private static final String HEADER = StepJobs.PAIR + """
      data ones {
        test = records { x: float[2]
          [1, 1]
        }
      }
      """;

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private TrainResult train(String job) throws Exception {
    return StepJobs.train(dir, HEADER + job, TrainOptions.builder().out(new PrintStream(out, true, StandardCharsets.UTF_8)));
  }

  /** An autoencoder's shape: one model minimized on its reconstruction, reported on both data sets. */
  @Test
  void validationReportsEachValueOnTheValidationDataWithTheEpochsWeights() throws Exception {
    TrainResult result = train("""
        train t {
          let m = Pair()
          data: points.train
          validate: ones.test
          batch: 2
          epochs: 3
          step {
            report out: mean(m(x))
            update m.w += 1
          }
        }
        """);
    // Training sees w before the epoch's one step: 1, 2, 3 times the mean 2.5 of the training records;
    // validation sees w after it, 2, 3, 4, on ones. Had validation updated w, training would see more.
    for (int epoch = 0; epoch < 3; epoch++) {
      assertEquals(2.5 * (epoch + 1), result.epochs().get(epoch).value("out"), 1e-6);
      assertEquals(epoch + 2.0, result.epochs().get(epoch).value("val_out"), 1e-6);
    }
    List<String> csv = Files.readAllLines(dir.resolve("log/metrics.csv"));
    assertEquals("epoch,out,val_out", csv.get(0));
    assertEquals(4, csv.size());
  }

  /** A GAN's shape: two models, one minimized, the other changed; early stopping watches a validation value. */
  @Test
  void earlyStoppingWatchesAValidationValueAndRestoresTheBestWeights() throws Exception {
    TrainResult result = train("""
        train t {
          let g = Pair()
          let d = Pair()
          data: points.train
          validate: ones.test
          batch: 2
          epochs: 10
          stop: early(monitor: val_gap, patience: 1)
          step {
            minimize d: mean(square(d(g(x)) - x)) with sgd(lr: 0.001)
            report gap: mean(square(g(x) - x))
            update g.w += 1
          }
          every(100 steps) {
            report g_w: mean(g.w)
          }
        }
        """);
    // val_gap is (w - 1)^2 on ones: 1 after the first epoch, 4 after the second, which ends the run.
    assertEquals(2, result.epochs().size());
    assertEquals(1.0, result.epochs().get(0).value("val_gap"), 1e-6);
    assertEquals(4.0, result.epochs().get(1).value("val_gap"), 1e-6);
    assertEquals(7.5, result.epochs().get(1).value("gap"), 1e-6);
    String shown = out.toString(StandardCharsets.UTF_8);
    assertTrue(shown.contains("stopping early: val_gap has not improved for 1 epoch (epoch 1, val_gap 1.0000)"), shown);
    assertTrue(shown.contains("restored the weights of the best epoch (epoch 1, val_gap 1.0000)"), shown);
    // A block not due during the run runs once at its end, after the best weights are back: w = 2.
    assertTrue(shown.strip().endsWith("step 2  g_w 2.0000"), shown);
    assertTrue(Files.readString(dir.resolve("log/report.html")).contains("2 of 10, stopped early"));
  }
}
