package dev.nnc.runtime.train.schedules;

import dev.nnc.runtime.train.LearningRate;
import dev.nnc.runtime.train.Period;

/**
 * A linear warm-up, as in Keras's {@code CosineDecay(warmup_steps, warmup_target)}: the rate rises
 * from {@code initial} to where {@code then} starts over {@code over}, after which {@code then} runs
 * with its clock starting at the end of the warm-up.
 */
public record Warmup(double initial, Period over, LearningRate then) implements LearningRate {
  @Override
  public double at(long step, long stepsPerEpoch) {
    long steps = over.inSteps(stepsPerEpoch);
    if (step >= steps) {
      return then.at(step - steps, stepsPerEpoch);
    }
    double target = then.at(0, stepsPerEpoch);
    return initial + (target - initial) * step / steps;
  }
}
