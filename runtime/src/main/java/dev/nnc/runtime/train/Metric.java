package dev.nnc.runtime.train;

import java.util.Objects;

/**
 * A named value reported every epoch. Most metrics are means: {@code value} gives the batch's mean
 * and the epoch's figure weighs each batch by its size. A {@link Aggregation#RATIO ratio} (precision,
 * recall) is exact over the epoch instead: {@code value} gives the batch's numerator and denominator
 * as a {@code float[2]}, and the epoch's figure is the sum of the numerators over the sum of the
 * denominators (0 when no denominator was ever counted), never a mean of batch ratios. A
 * {@link Aggregation#LAST last} value is the one the epoch's last step gave.
 */
public record Metric(String name, TensorFunction value, Aggregation aggregation) {
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(aggregation, "aggregation");
  }

  /** How a metric's batch figures make the epoch's: the width is how many numbers a batch fetches. */
  public enum Aggregation {
    MEAN(1),
    RATIO(2),
    /** The value of the epoch's last step: a figure that is a running statistic already (the mean return of the last 100 episodes). */
    LAST(1);

    private final int width;

    Aggregation(int width) {
      this.width = width;
    }

    int width() {
      return width;
    }
  }
}
