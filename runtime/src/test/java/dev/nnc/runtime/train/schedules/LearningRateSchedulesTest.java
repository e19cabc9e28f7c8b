package dev.nnc.runtime.train.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nnc.runtime.train.LearningRate;
import dev.nnc.runtime.train.Period;
import org.junit.jupiter.api.Test;

/** Each schedule against Keras's formula, at steps worked out by hand. */
class LearningRateSchedulesTest {
  private static final long STEPS_PER_EPOCH = 50;

  private static double at(LearningRate rate, long step) {
    return rate.at(step, STEPS_PER_EPOCH);
  }

  @Test
  void exponentialDecayIsInitialTimesDecayToTheFractionOfPeriods() {
    LearningRate rate = new ExponentialDecay(0.1, 0.96, Period.steps(100), false);

    assertEquals(0.1, at(rate, 0), 1e-12);
    assertEquals(0.096, at(rate, 100), 1e-12);
    assertEquals(0.09029798987795908, at(rate, 250), 1e-12); // 0.1 * 0.96^2.5
  }

  @Test
  void staircaseDropsOncePerPeriod() {
    LearningRate rate = new ExponentialDecay(0.1, 0.96, Period.steps(100), true);

    assertEquals(0.1, at(rate, 99), 1e-12);
    assertEquals(0.09216, at(rate, 250), 1e-12); // 0.1 * 0.96^2
  }

  @Test
  void periodsInEpochsCountTheEpochsSteps() {
    LearningRate rate = new ExponentialDecay(0.1, 0.96, Period.epochs(1), false);

    assertEquals(0.09406040612287403, at(rate, 75), 1e-12); // 1.5 epochs: 0.1 * 0.96^1.5
  }

  @Test
  void cosineDecayFallsHalfACosineToAlphaAndStaysThere() {
    LearningRate rate = new CosineDecay(1.0, Period.steps(100), 0.1);

    assertEquals(1.0, at(rate, 0), 1e-12);
    assertEquals(0.8681980515339464, at(rate, 25), 1e-12); // 0.9 * (1 + cos(pi / 4)) / 2 + 0.1
    assertEquals(0.55, at(rate, 50), 1e-12);
    assertEquals(0.1, at(rate, 100), 1e-12);
    assertEquals(0.1, at(rate, 1000), 1e-12);
  }

  @Test
  void warmupRisesLinearlyToWhereItsSuccessorStarts() {
    LearningRate rate = new Warmup(0, Period.steps(10), LearningRate.constant(1e-3));

    assertEquals(0, at(rate, 0), 1e-12);
    assertEquals(5e-4, at(rate, 5), 1e-12);
    assertEquals(1e-3, at(rate, 10), 1e-12);
  }

  @Test
  void aScheduleAfterWarmupStartsItsClockAtTheEndOfTheWarmup() {
    LearningRate rate = new Warmup(1e-4, Period.epochs(1), new CosineDecay(1.0, Period.steps(100), 0));

    assertEquals(1e-4 + (1.0 - 1e-4) * 0.5, at(rate, 25), 1e-12);
    assertEquals(0.5, at(rate, 50 + 50), 1e-12);
  }
}
