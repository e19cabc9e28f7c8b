package dev.nnc.runtime.train.schedules;

import dev.nnc.runtime.train.LearningRate;
import dev.nnc.runtime.train.Period;

/**
 * Keras's {@code CosineDecay}: from {@code initial} down half a cosine wave to
 * {@code initial * alpha} at the end of {@code over}, and flat after it.
 */
public record CosineDecay(double initial, Period over, double alpha) implements LearningRate {
  @Override
  public double at(long step, long stepsPerEpoch) {
    long steps = over.inSteps(stepsPerEpoch);
    double done = (double) Math.min(step, steps) / steps;
    double cosine = 0.5 * (1 + Math.cos(Math.PI * done));
    return initial * ((1 - alpha) * cosine + alpha);
  }
}
