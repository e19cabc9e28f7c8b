package dev.nnc.runtime.train;

/**
 * The learning rate step by step: a constant or a schedule. The trainer asks for the rate of each
 * step just before it runs and feeds it to the optimizer, as Keras evaluates a
 * {@code LearningRateSchedule} at {@code optimizer.iterations}.
 */
@FunctionalInterface
public interface LearningRate {
  /**
   * The rate of the update made by step {@code step}, counting from 0 (Keras's {@code iterations}),
   * in a run whose epochs are {@code stepsPerEpoch} steps.
   */
  double at(long step, long stepsPerEpoch);

  static LearningRate constant(double rate) {
    return (step, stepsPerEpoch) -> rate;
  }
}
