package dev.nnc.runtime.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loss and the metrics over an epoch, from the numbers each batch fetches: a mean weighs each
 * batch's mean by its size; a ratio sums its numerator and its denominator apart, so the epoch's
 * figure is exact (precision is all true positives over all predicted positives).
 */
final class WeightedMeans {
  private final List<Metric.Aggregation> values;
  private final double[] sums;
  private long examples;

  /** Empty means of values each made as {@code values} says. */
  static WeightedMeans of(List<Metric.Aggregation> values) {
    return new WeightedMeans(new double[fetched(values)], 0, values);
  }

  /** Means that go on from the sums of {@code examples} examples, as {@link #sums()} gave them. */
  static WeightedMeans of(List<Metric.Aggregation> values, double[] sums, long examples) {
    return new WeightedMeans(sums, examples, values);
  }

  private WeightedMeans(double[] sums, long examples, List<Metric.Aggregation> values) {
    this.values = List.copyOf(values);
    if (sums.length != fetched(values)) {
      throw new IllegalArgumentException(
          "expected " + fetched(values) + " sums for " + values + ", found " + sums.length);
    }
    this.sums = sums.clone();
    this.examples = examples;
  }

  private static int fetched(List<Metric.Aggregation> values) {
    return values.stream().mapToInt(Metric.Aggregation::width).sum();
  }

  /** Adds a batch: {@code fetched} holds what the batch fetched, in the order of {@link #values}. */
  void add(double[] fetched, int batchSize) {
    int at = 0;
    for (Metric.Aggregation value : values) {
      if (value == Metric.Aggregation.MEAN) {
        sums[at] += fetched[at] * batchSize;
      } else if (value == Metric.Aggregation.LAST) {
        sums[at] = fetched[at];
      } else {
        sums[at] += fetched[at];
        sums[at + 1] += fetched[at + 1];
      }
      at += value.width();
    }
    examples += batchSize;
  }

  long examples() {
    return examples;
  }

  /** The sums so far, a copy: what a checkpoint keeps to go on exactly. */
  double[] sums() {
    return sums.clone();
  }

  /** The figures by name, {@code prefix} + {@code names[i]} for the i-th value. */
  Map<String, Double> named(List<String> names, String prefix) {
    Map<String, Double> figures = new LinkedHashMap<>();
    int at = 0;
    for (int i = 0; i < values.size(); i++) {
      double figure = switch (values.get(i)) {
        case MEAN -> sums[at] / examples;
        case LAST -> sums[at];
        case RATIO -> sums[at + 1] == 0 ? 0 : sums[at] / sums[at + 1];
      };
      figures.put(prefix + names.get(i), figure);
      at += values.get(i).width();
    }
    return figures;
  }
}
