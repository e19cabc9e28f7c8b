package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.check.Job;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.runtime.train.CheckpointPolicy;
import dev.nnc.runtime.train.EarlyStopping;
import dev.nnc.runtime.train.EarlyStopping.Goal;
import dev.nnc.runtime.train.GradientClipping;
import dev.nnc.runtime.train.Period;
import dev.nnc.runtime.train.WeightPenalty;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the checker makes of `stop:`, `clip:`, `regularize:` and `checkpoint:`: the settings the
 * runtime receives.
 */
class TrainSettingsTest {
  private static Job job(String settings) {
    String source = """
        model M {
          input x: float[2]
          output y = x -> dense(1)
        }
        data d {
          train = records {
            x: float[2], t: float[1]
            [0, 1] [1]
          }
        }
        train j {
          model: M()
          data: d.train
          validate: d.train
          loss: mse(y, t)
          optimizer: sgd(lr: 0.1)
          batch: 1
          epochs: 1
          metrics: [accuracy(y, t), mse(y, t)]
        """ + settings + "\n}\n";
    Compilation c = Compilation.of(new SourceFile("settings.nn", source), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().toString());
    return c.program().jobs().get(0);
  }

  @Test
  void earlyStoppingHasKerasDefaultsButPatienceAndRestoring() {
    assertEquals(new EarlyStopping("val_loss", Goal.MINIMIZE, 3, 0, true), job("stop: early()").stop());
  }

  @Test
  void accuracyRisesAndALossUsedAsAMetricFalls() {
    assertEquals(Goal.MAXIMIZE, job("stop: early(monitor: val_accuracy)").stop().goal());
    assertEquals(Goal.MAXIMIZE, job("stop: early(monitor: accuracy)").stop().goal());
    assertEquals(Goal.MINIMIZE, job("stop: early(monitor: val_mse)").stop().goal());
  }

  @Test
  void modeOverridesTheDirection() {
    assertEquals(Goal.MINIMIZE, job("stop: early(monitor: val_accuracy, mode: min)").stop().goal());
  }

  @Test
  void everyArgumentReachesTheRuntime() {
    assertEquals(new EarlyStopping("loss", Goal.MINIMIZE, 0, 0.01, false),
        job("stop: early(loss, 0, min_delta: 0.01, restore_best: false)").stop());
  }

  @Test
  void clippingAndPenalties() {
    assertEquals(GradientClipping.globalNorm(5), job("clip: global_norm(5)").clip());
    assertEquals(GradientClipping.value(0.5), job("clip: value(limit: 0.5)").clip());
    assertEquals(WeightPenalty.l2(1e-4), job("regularize: l2(1e-4)").regularize());
    assertEquals(WeightPenalty.l1(0.01), job("regularize: l1").regularize());
  }

  @Test
  void checkpointsKeepTheNewestThreeUnlessToldOtherwise() {
    assertEquals(new CheckpointPolicy(Period.epochs(1), 3), job("checkpoint: every(1 epoch)").checkpoint());
    assertEquals(new CheckpointPolicy(Period.steps(500), 1),
        job("checkpoint: every(500 steps), keep: 1").checkpoint());
    assertNull(job("").checkpoint());
  }
}
