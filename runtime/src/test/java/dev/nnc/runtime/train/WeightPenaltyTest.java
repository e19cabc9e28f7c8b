package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WeightPenaltyTest {
  @TempDir Path dir;

  /** The first step's loss, computed before any update, for the kernel [1, -2] and bias [3]. */
  private double firstLoss(TrainSpec.Builder spec) {
    return Trainer.run(spec.build(), TrainOptions.builder().logDir(dir).quiet(true).build())
        .stepLosses().get(0);
  }

  private TrainSpec.Builder probe() {
    return Probe.spec(Probe.linear(1, 1), 1, -2);
  }

  @Test
  void l2AddsTheFactorTimesTheSquaredKernelToTheLoss() {
    double plain = firstLoss(probe());
    double penalized = firstLoss(probe().regularize(WeightPenalty.l2(0.01)));

    // 0.01 * (1 + 4); the bias (9 when squared) is not penalized.
    assertEquals(0.05, penalized - plain, 1e-6);
  }

  @Test
  void l1AddsTheFactorTimesTheAbsoluteKernelToTheLoss() {
    double plain = firstLoss(probe());
    double penalized = firstLoss(probe().regularize(WeightPenalty.l1(0.01)));

    assertEquals(0.03, penalized - plain, 1e-6);
  }

  @Test
  void thePenaltyPullsTheKernelTowardZero() {
    // The loss alone has gradient 0; the penalty's is 2 * 0.25 * w, so SGD at rate 1 halves w.
    TrainResult result = Trainer.run(
        Probe.spec(Probe.linear(0, 0), 1, -2).regularize(WeightPenalty.l2(0.25)).epochs(2)
            .metric("sum", Probe::sum).build(),
        TrainOptions.builder().logDir(dir).quiet(true).build());

    assertEquals(-0.5, result.last().value("sum"), 1e-6);
  }
}
