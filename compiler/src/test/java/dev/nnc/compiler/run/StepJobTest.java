package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.infer.ModelInfo;
import dev.nnc.runtime.train.EpochResult;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs with a custom step, end to end: which weights each statement changes, when values are
 * computed, what is reported, and what {@code every} blocks and {@code export} write. Each job
 * takes its whole data as one batch, so each epoch's figures are one step's.
 */
class StepJobTest {
  @TempDir Path dir;

  private TrainResult train(String job, int epochs) throws Exception {
    return train(job, TrainOptions.builder().epochs(epochs).out(new PrintStream(OutputStream.nullOutputStream())));
  }

  private TrainResult train(String job, TrainOptions.Builder options) throws Exception {
    return StepJobs.train(dir, StepJobs.PAIR + job, options);
  }

  private static double value(TrainResult result, int epoch, String name) {
    EpochResult e = result.epochs().get(epoch);
    return e.value(name);
  }

  @Test
  void minimizeChangesOnlyTheModelsItNamesAndApplicationsShareWeights() throws Exception {
    TrainResult result = train("""
        train t {
          let a = Pair()
          let b = Pair()
          data: points.train
          batch: 2
          epochs: 3
          step {
            let loss = mean(square(b(a(x)) - 10)) + mean(square(a(x) - 1))
            minimize a: loss with sgd(lr: 0.01)
            report a_w: sum(a.w), b_w: sum(b.w)
          }
        }
        """, 3);
    // b is applied but not minimized: its weights stay ones.
    for (int epoch = 0; epoch < 3; epoch++) {
      assertEquals(2.0, value(result, epoch, "b_w"), 1e-6);
    }
    assertNotEquals(value(result, 0, "a_w"), value(result, 2, "a_w"), 1e-6);
  }

  @Test
  void consecutiveUpdatesComputeEveryValueBeforeAssigningAny() throws Exception {
    TrainResult result = train("""
        train t {
          let m = Pair()
          let n = Pair()
          data: points.train
          batch: 2
          epochs: 3
          step {
            update m.w += n.w
            update n.w = m.w
            report m_w: sum(m.w), n_w: sum(n.w)
          }
        }
        """, 3);
    // Simultaneous: n takes the value m had before the step. Per unit m is 2, 3, 5 and n is 1, 2, 3.
    assertEquals(4.0, value(result, 0, "m_w"), 1e-6);
    assertEquals(2.0, value(result, 0, "n_w"), 1e-6);
    assertEquals(6.0, value(result, 1, "m_w"), 1e-6);
    assertEquals(4.0, value(result, 1, "n_w"), 1e-6);
    assertEquals(10.0, value(result, 2, "m_w"), 1e-6);
    assertEquals(6.0, value(result, 2, "n_w"), 1e-6);
  }

  @Test
  void aMinimizedLossIsReportedAsItWasBeforeItsUpdate() throws Exception {
    TrainResult result = train("""
        train t {
          let m = Pair()
          data: points.train
          batch: 2
          epochs: 2
          step {
            let loss = sum(m.w)
            minimize m: loss with sgd(lr: 0.5)
            report loss, after: sum(m.w)
          }
        }
        """, 2);
    // d loss / d w = 1 for each of the two units: every step takes 0.5 from each.
    assertEquals(2.0, value(result, 0, "loss"), 1e-6);
    assertEquals(1.0, value(result, 0, "after"), 1e-6);
    assertEquals(1.0, value(result, 1, "loss"), 1e-6);
    assertEquals(0.0, value(result, 1, "after"), 1e-6);
  }

  @Test
  void randomDrawsAreNewEveryStepAndTheSameWithinOne() throws Exception {
    TrainResult result = train("""
        train t {
          let m = Pair()
          data: points.train
          batch: 2
          epochs: 3
          step {
            let z = normal([2])
            update m.w = mean(z, axis: 0)
            report same: sum(square(m.w - mean(z, axis: 0))), drawn: sum(z)
          }
        }
        """, 3);
    for (int epoch = 0; epoch < 3; epoch++) {
      assertEquals(0.0, value(result, epoch, "same"), 1e-9);
    }
    assertNotEquals(value(result, 0, "drawn"), value(result, 1, "drawn"), 1e-6);
  }

  /** The bar of a job with a step shows the running mean of its first reported value, under its name. */
  @Test
  void theProgressBarShowsTheFirstReportedValue() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    train("""
        train t {
          let m = Pair()
          data: points.train
          batch: 1
          epochs: 2
          step {
            update m.w += 1
            report w: sum(m.w), twice: 2 * sum(m.w)
          }
        }
        """, TrainOptions.builder().progress(TrainOptions.Progress.BAR).out(new PrintStream(out, true, StandardCharsets.UTF_8)));
    String shown = out.toString(StandardCharsets.UTF_8);
    // The first step of each epoch is drawn; w is 4 after the first step, then 6 and 8.
    assertTrue(shown.contains("\repoch 1/2 [############............] 1/2  "), shown);
    assertTrue(shown.contains(" examples/s  w 4.0000  ETA "), shown);
    assertTrue(shown.contains("\repoch 2/2 ["), shown);
  }

  private static String job(Path exported) {
    return """
        train t {
          let m = Pair()
          data: points.train
          batch: 2
          epochs: 2
          step {
            update m.w += 1
          }
          every(1 epoch) {
            image_grid(uniform([4, 4], count: 9), "grids/epoch-{epoch}.png")
          }
          export m: "%s"
        }
        """.formatted(exported.toString().replace("\\", "/"));
  }

  @Test
  void everyBlocksDrawPicturesAndExportWritesTheModel() throws Exception {
    Path exported = dir.resolve("exported");
    train(job(exported), 2);
    for (int epoch = 1; epoch <= 2; epoch++) {
      BufferedImage grid = ImageIO.read(dir.resolve("log/grids/epoch-" + epoch + ".png").toFile());
      assertTrue(grid.getWidth() > 3 * 4 && grid.getHeight() > 3 * 4, "a 3 by 3 grid of 4x4 pictures");
    }
    assertTrue(Files.exists(exported.resolve("saved_model.pb")));
    assertEquals(StepJobs.PAIR + job(exported), Files.readString(exported.resolve("assets/steps.nn")), "the source goes with the model");
    assertEquals("t", ModelInfo.read(exported).job());
    try (var events = Files.list(dir.resolve("log/train"))) {
      assertTrue(events.anyMatch(f -> f.getFileName().toString().startsWith("events.out.tfevents.")),
          "TensorBoard's event files for the reported values");
    }
  }

  @Test
  void clipBoundsTheGradientsOfEveryMinimize() throws Exception {
    TrainResult result = train("""
        train t {
          let m = Pair()
          data: points.train
          batch: 2
          epochs: 2
          clip: value(0.25)
          step {
            minimize m: 100 * sum(m.w) with sgd(lr: 1)
            report w: sum(m.w)
          }
        }
        """, 2);
    // Each unit's gradient, 100, is clipped to 0.25: the two units together lose 0.5 a step.
    assertEquals(1.5, value(result, 0, "w"), 1e-6);
    assertEquals(1.0, value(result, 1, "w"), 1e-6);
  }

  @Test
  void regularizeAddsThePenaltyOnTheKernelsOfTheModelsAMinimizeTrains() throws Exception {
    TrainResult result = train("""
        model Lin {
          input x: float[2]
          output y = x -> dense(1)
        }
        train t {
          let m = Lin()
          data: points.train
          batch: 2
          epochs: 2
          regularize: l2(0.25)
          step {
            minimize m: 0 * mean(m(x)) with sgd(lr: 1)
            report out: mean(m(x))
          }
        }
        """, 2);
    // The loss has no gradient; the penalty's, 2 * 0.25 * kernel, halves the kernel every step,
    // and with it the output (the bias gets no penalty and stays 0).
    assertEquals(0.5, value(result, 1, "out") / value(result, 0, "out"), 1e-5);
  }
}
