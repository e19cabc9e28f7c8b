package dev.nnc.stdlib;

/** What a built-in is, which decides where a program may use it. */
public enum Kind {
  /** Configured by its call, applied to a tensor later: {@code dense(10)}, {@code maxpool(2)}. */
  LAYER("layer"),
  /** Takes its tensors in the call: {@code relu(x)}, {@code concat(a, b)}; usable as a stage. */
  FUNCTION("function"),
  LOSS("loss"),
  METRIC("metric"),
  OPTIMIZER("optimizer"),
  /** A learning rate that changes as training goes: {@code cosine(1e-3, over: 20 epochs)}. */
  SCHEDULE("learning-rate schedule"),
  INITIALIZER("initializer"),
  DATA_SOURCE("data source"),
  TRANSFORM("data transform");

  private final String description;

  Kind(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
