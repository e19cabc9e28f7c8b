package dev.nnc.runtime.train;

import java.util.Objects;

/** A named value reported every epoch, averaged over the epoch's batches. */
public record Metric(String name, TensorFunction value) {
  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }
}
