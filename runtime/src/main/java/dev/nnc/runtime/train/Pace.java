package dev.nnc.runtime.train;

import java.util.Optional;

/**
 * How fast a run goes, to tell the time left: seconds per training step and examples per second
 * over the training this process has done (validation apart), and the seconds of the last
 * validation pass (0 for a job without validation data).
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

  /**
   * The bar's figures for a run of {@code length} with epochs of {@code stepsPerEpoch} steps, now
   * that {@code batch} batches of epoch {@code epoch} (from 0) and {@code stepsDone} steps in all
   * are done: the epoch's batches (fewer when the step limit falls within it) and the time left at
   * the pace so far, a validation pass per epoch still to end included.
   */
  ProgressBar.Status status(RunLength length, long stepsPerEpoch, int epoch, long batch, long stepsDone,
      Optional<ProgressBar.Figure> figure) {
    long epochBatches = Math.min(stepsPerEpoch, batch + length.stepLimit() - stepsDone);
    long runSteps = Math.min(length.stepLimit(), length.epochs() * stepsPerEpoch) - stepsDone;
    long epochsToEnd = (batch + runSteps + stepsPerEpoch - 1) / stepsPerEpoch;
    double perStep = secondsPerStep();
    return new ProgressBar.Status(epoch, length.epochs(), batch, epochBatches, examplesPerSecond(), figure,
        (epochBatches - batch) * perStep + validationSeconds, runSteps * perStep + epochsToEnd * validationSeconds);
  }

  /** The last validation pass's, 0 before the first. */
  double validationSeconds() {
    return validationSeconds;
  }
}
