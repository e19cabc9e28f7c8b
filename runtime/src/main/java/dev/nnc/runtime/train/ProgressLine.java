package dev.nnc.runtime.train;

import java.util.Locale;
import java.util.Map;

/**
 * The line printed after each epoch, such as
 * {@code epoch 3/20  loss 0.4123  val_loss 0.4410  6.2s  9,650 examples/s}; the rate counts
 * training examples over the training time alone.
 */
final class ProgressLine {
  private ProgressLine() {}

  static String format(EpochResult result, int epochs, double trainSeconds) {
    StringBuilder line = new StringBuilder();
    line.append("epoch ").append(result.epoch() + 1).append('/').append(epochs);
    for (Map.Entry<String, Double> value : result.values().entrySet()) {
      line.append(String.format(Locale.ROOT, "  %s %.4f", value.getKey(), value.getValue()));
    }
    double seconds = result.time().toNanos() / 1e9;
    long examplesPerSecond = Math.round(result.examples() / Math.max(trainSeconds, 1e-9));
    line.append(String.format(Locale.ROOT, "  %.1fs  %,d examples/s", seconds, examplesPerSecond));
    return line.toString();
  }
}
