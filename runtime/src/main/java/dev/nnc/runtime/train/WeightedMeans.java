package dev.nnc.runtime.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Means of the per-batch loss and metrics over an epoch, each batch weighted by its size. */
final class WeightedMeans {
  private final double[] sums;
  private long examples;

  WeightedMeans(int count) {
    this(new double[count], 0);
  }

  /** Means that go on from the sums of {@code examples} examples, as {@link #sums()} gave them. */
  WeightedMeans(double[] sums, long examples) {
    this.sums = sums.clone();
    this.examples = examples;
  }

  void add(double[] batchMeans, int batchSize) {
    for (int i = 0; i < sums.length; i++) {
      sums[i] += batchMeans[i] * batchSize;
    }
    examples += batchSize;
  }

  long examples() {
    return examples;
  }

  /** The weighted sums so far, a copy. */
  double[] sums() {
    return sums.clone();
  }

  /** The means by name, {@code prefix} + {@code names[i]} for the i-th value. */
  Map<String, Double> named(List<String> names, String prefix) {
    Map<String, Double> means = new LinkedHashMap<>();
    for (int i = 0; i < sums.length; i++) {
      means.put(prefix + names.get(i), sums[i] / examples);
    }
    return means;
  }
}
