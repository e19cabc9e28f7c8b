package dev.nnc.runtime.train.schedules;

import dev.nnc.runtime.train.LearningRate;
import dev.nnc.runtime.train.Period;

/**
 * Keras's {@code ExponentialDecay}: {@code initial * decay^(step / every)}, the exponent rounded down
 * with {@code staircase} so that the rate drops once per period. {@code step(initial, factor, every)}
 * is the staircase form.
 */
public record ExponentialDecay(double initial, double decay, Period every, boolean staircase)
    implements LearningRate {
  @Override
  public double at(long step, long stepsPerEpoch) {
    double periods = (double) step / every.inSteps(stepsPerEpoch);
    return initial * Math.pow(decay, staircase ? Math.floor(periods) : periods);
  }
}
