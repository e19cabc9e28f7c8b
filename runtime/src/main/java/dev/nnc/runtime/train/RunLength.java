package dev.nnc.runtime.train;

/**
 * How long a run trains: the number of epochs and a limit on steps in all. A job that counts steps
 * runs as many epochs as those steps need, the last one cut short.
 */
record RunLength(int epochs, long stepLimit) {
  static RunLength of(TrainSpec spec, TrainOptions options) {
    long maxSteps = options.maxSteps().orElse(Long.MAX_VALUE);
    if (options.epochs().isPresent()) {
      return new RunLength(options.epochs().getAsInt(), maxSteps);
    }
    if (spec.steps().isPresent()) {
      long steps = spec.steps().getAsLong();
      long perEpoch = spec.data().batchCount(spec.batch());
      int epochs = Math.toIntExact((steps + perEpoch - 1) / perEpoch);
      return new RunLength(epochs, Math.min(steps, maxSteps));
    }
    return new RunLength(spec.epochs(), maxSteps);
  }
}
