package dev.nnc.runtime.train;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch's figures: {@code epoch} counts from 0 as in {@code metrics.csv}; {@code values} holds
 * loss, the metrics, then val_loss and the val_ metrics, in the CSV's column order;
 * {@code examples} is the number of training records seen and {@code time} the epoch's wall time,
 * validation included.
 */
public record EpochResult(int epoch, Map<String, Double> values, long examples, Duration time) {
  public EpochResult {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public double loss() {
    return value("loss");
  }

  /** The value of column {@code name}, such as {@code accuracy} or {@code val_loss}. */
  public double value(String name) {
    Double value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no value '" + name + "'; there are " + values.keySet());
    }
    return value;
  }
}
