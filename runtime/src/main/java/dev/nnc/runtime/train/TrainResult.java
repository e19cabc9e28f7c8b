package dev.nnc.runtime.train;

import java.time.Duration;
import java.util.List;

/**
 * What a training run did: the figures of every epoch it trained and the loss of every step it ran
 * (a resumed run's start where it resumed), and how long it took.
 */
public record TrainResult(List<EpochResult> epochs, List<Double> stepLosses, Duration wallTime) {
  public TrainResult {
    epochs = List.copyOf(epochs);
    stepLosses = List.copyOf(stepLosses);
  }

  /** The last epoch's figures. */
  public EpochResult last() {
    return epochs.get(epochs.size() - 1);
  }
}
