package dev.nnc.stdlib.spec;

/**
 * A weight a layer creates for a given input: its name within the layer, shape, whether the
 * optimizer trains it, and its initializer (a name such as {@code "glorot_uniform"} or an
 * {@link InitCall}).
 */
public record WeightSpec(String name, TensorShape shape, boolean trainable, Object initializer) {
  public long count() {
    return shape.elements();
  }
}
