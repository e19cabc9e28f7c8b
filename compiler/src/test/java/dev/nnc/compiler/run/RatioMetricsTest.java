package dev.nnc.compiler.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.TrainOptions;
import dev.nnc.runtime.train.TrainResult;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code precision} and {@code recall} are exact over an epoch: all true positives over all predicted
 * (or actual) positives, not the mean of the batches' ratios. The scores are a data field, so the
 * figures do not depend on training.
 */
class RatioMetricsTest {
  @TempDir Path dir;

  /**
   * Two batches of three records, a score (positive above 0) against a 0/1 label:
   * batch 1 has 1 true and 2 false positives; batch 2 has 1 true positive, 1 false negative and
   * 1 true negative. Precision: 2 / 4 = 0.5 (the batches' mean would be (1/3 + 1) / 2 = 0.667);
   * recall: 2 / 3 = 0.667 (the batches' mean would be (1 + 1/2) / 2 = 0.75).
   */
  private static final String PROGRAM = """
      model Line {
        input x: float[1]
        output y = x -> dense(1)
      }
      data scores {
        train = records {
          x: float[1], score: float[1], label: float[1]
          [0] [2] [1]
          [1] [1] [0]
          [2] [3] [0]
          [3] [1] [1]
          [4] [-1] [1]
          [5] [-2] [0]
        }
      }
      train fit {
        model: Line()
        data: scores.train
        validate: scores.train
        loss: mse(y, label)
        optimizer: sgd(lr: 0.01)
        batch: 3
        epochs: %d
        metrics: [precision(score, label), recall(score, label), accuracy(score, label)]
      %s}
      """;

  private Compilation compiled(int epochs, String settings) {
    String text = PROGRAM.formatted(epochs, settings);
    Compilation c = Compilation.of(new SourceFile(dir.resolve("ratios.nn").toString(), text), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    return c;
  }

  private TrainOptions.Builder options(String run) {
    return TrainOptions.builder().logDir(dir.resolve(run)).out(new PrintStream(OutputStream.nullOutputStream()));
  }

  @Test
  void precisionAndRecallAreRatiosOfTheEpochsSums() throws Exception {
    TrainResult result = JobRunner.run(compiled(2, "").program(), "fit", List.of(), options("run").build());

    for (var epoch : result.epochs()) {
      assertEquals(2.0 / 4, epoch.value("precision"), 1e-12);
      assertEquals(2.0 / 3, epoch.value("recall"), 1e-12);
      assertEquals(2.0 / 4, epoch.value("val_precision"), 1e-12);
      assertEquals(2.0 / 3, epoch.value("val_recall"), 1e-12);
      // 3 of 6 records are right
      assertEquals(0.5, epoch.value("accuracy"), 1e-7);
    }
    List<String> csv = Files.readAllLines(dir.resolve("run/metrics.csv"));
    assertEquals("epoch,loss,precision,recall,accuracy,val_loss,val_precision,val_recall,val_accuracy", csv.get(0));
    assertEquals("0.5", csv.get(1).split(",")[2]);
  }

  /**
   * Tagged sequences padded with 0, one record a batch: the first has one real token, predicted
   * right; the second three, one of them right. {@code accuracy(ignore: 0)} counts every real token
   * once, 2 / 4 (a mean of the batches would give (1 + 1/3) / 2); {@code exact_match(ignore: 0)}
   * finds the first record wholly right, and without {@code ignore:} neither (its padding is
   * predicted as class 2).
   */
  private static final String PADDED = """
      model Line {
        input x: float[1]
        output y = x -> dense(1)
      }
      data tagged {
        train = records {
          x: float[1], scores: float[3, 3], tags: int[3]
          [0] [[0, 1, 0], [0, 0, 5], [0, 0, 5]] [1, 0, 0]
          [1] [[0, 1, 0], [0, 0, 1], [0, 0, 1]] [2, 2, 1]
        }
      }
      train fit {
        model: Line()
        data: tagged.train
        loss: mse(y, x)
        optimizer: sgd(lr: 0.01)
        batch: 1
        epochs: 1
        metrics: [accuracy(scores, tags, ignore: 0), exact_match(scores, tags, ignore: 0), exact_match(scores, tags)]
      }
      """;

  @Test
  void paddingIsLeftOutOfAccuracyAndExactMatchOverTheEpoch() {
    Compilation c = Compilation.of(new SourceFile(dir.resolve("padded.nn").toString(), PADDED), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
    TrainResult result = JobRunner.run(c.program(), "fit", List.of(), options("padded").build());

    assertEquals(2.0 / 4, result.last().value("accuracy"), 1e-7);
    assertEquals(0.5, result.last().value("exact_match"), 1e-7);
    assertEquals(0.0, result.last().value("exact_match_2"), 1e-7);
  }

  @Test
  void earlyStoppingMaximizesValidationPrecision() {
    // val_precision never improves on the first epoch's, so with patience 1 the second epoch is the last.
    Compilation c = compiled(5, "  stop: early(monitor: val_precision, patience: 1)\n");
    TrainResult result = JobRunner.run(c.program(), "fit", List.of(), options("stop").build());

    assertEquals(2, result.epochs().size());
    assertEquals(EarlyStopping.Goal.MAXIMIZE, c.program().jobs().get(0).stop().goal());
  }

  @Test
  void aResumedRunKeepsTheSumsOfTheEpochUnderWay() throws Exception {
    // A checkpoint after every step: the run stops after the first batch of epoch 2 and goes on from
    // there; had the sums been lost, epoch 2 would report the second batch's precision alone (1/1).
    Compilation c = compiled(2, "  checkpoint: every(1 step)\n");
    JobRunner.run(c.program(), "fit", List.of(), options("straight").build());
    JobRunner.run(c.program(), "fit", List.of(), options("resumed").maxSteps(3).build());
    TrainResult resumed = JobRunner.run(c.program(), "fit", List.of(), options("resumed").resume(true).build());

    assertEquals(2.0 / 4, resumed.last().value("precision"), 1e-12);
    assertEquals(Files.readString(dir.resolve("straight/metrics.csv")), Files.readString(dir.resolve("resumed/metrics.csv")));
  }
}
