package dev.nnc.runtime.train;

/**
 * How fast a run goes, to tell the time left: seconds per training step and examples per second
 * over the training this process has done (validation apart), and the seconds of the last
 * validation pass.
 */
final class Pace {
  private long pastNanos;
  private long pastSteps;
  private long epochStart;
  private long epochSteps;
  private long epochExamples;
  private double validationSeconds;

  void startEpoch() {
    epochStart = System.nanoTime();
    epochSteps = 0;
    epochExamples = 0;
  }

  void stepped(int examples) {
    epochSteps++;
    epochExamples += examples;
  }

  void endTraining() {
    pastNanos += System.nanoTime() - epochStart;
    pastSteps += epochSteps;
    epochSteps = 0;
  }

  void validated(double seconds) {
    validationSeconds = seconds;
  }

  /** NaN before the first step. */
  double secondsPerStep() {
    long steps = pastSteps + epochSteps;
    return steps == 0 ? Double.NaN : (pastNanos + System.nanoTime() - epochStart) / 1e9 / steps;
  }

  /** Over the epoch's training so far. */
  double examplesPerSecond() {
    return epochExamples / Math.max((System.nanoTime() - epochStart) / 1e9, 1e-9);
  }

  /** The last validation pass's, 0 before the first. */
  double validationSeconds() {
    return validationSeconds;
  }
}
