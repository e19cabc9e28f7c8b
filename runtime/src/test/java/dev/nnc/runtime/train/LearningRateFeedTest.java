package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.nnc.runtime.train.schedules.ExponentialDecay;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningRateFeedTest {
  @TempDir Path dir;

  @Test
  void feedsEachStepTheRateOfItsSchedule() {
    // With loss = w the gradient is 1, so each SGD step lowers w by exactly that step's rate.
    LearningRate halving = new ExponentialDecay(0.8, 0.5, Period.steps(1), false);
    TrainResult result = Trainer.run(
        Probe.spec(Probe.linear(1), 0).optimizer(Probe.sgd(halving)).epochs(5)
            .metric("w", Probe::sum).build(),
        TrainOptions.builder().logDir(dir).quiet(true).build());

    assertArrayEquals(new double[] {0, -0.8, -1.2, -1.4, -1.5}, Probe.perEpoch(result, "w"), 1e-6);
  }

  @Test
  void countsEpochsInStepsOfTheData() {
    // Two records in batches of one: an epoch is two steps, so the rate halves every other step.
    LearningRate halving = new ExponentialDecay(0.8, 0.5, Period.epochs(1), true);
    TrainResult result = Trainer.run(
        Probe.spec(Probe.linear(1), 0).optimizer(Probe.sgd(halving)).epochs(3)
            .data(Probe.records(2))
            .metric("w", Probe::sum).build(),
        TrainOptions.builder().logDir(dir).quiet(true).build());

    // An epoch's metric is the mean over its two steps of w before each step.
    assertArrayEquals(new double[] {-0.4, -1.8, -2.5}, Probe.perEpoch(result, "w"), 1e-6);
  }
}
