package dev.nnc.runtime.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Means of the per-batch loss and metrics over an epoch, each batch weighted by its size. */
final class WeightedMeans {
  private final double[] sums;
  private long examples;

  WeightedMeans(int count) {
    sums = new double[count];
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

  /** The means by name, {@code prefix} + {@code names[i]} for the i-th value. */
  Map<String, Double> named(List<String> names, String prefix) {
    Map<String, Double> means = new LinkedHashMap<>();
    for (int i = 0; i < sums.length; i++) {
      means.put(prefix + names.get(i), sums[i] / examples);
    }
    return means;
  }
}
