package dev.nnc.stdlib.spec;

import dev.nnc.runtime.data.ElementType;

/** A tensor's element type and shape, as {@code float[batch, 28, 28, 1]}. */
public record TensorType(ElementType element, TensorShape shape) {
  public static TensorType floats(TensorShape shape) {
    return new TensorType(ElementType.FLOAT, shape);
  }

  public static TensorType scalar() {
    return floats(TensorShape.scalar());
  }

  public TensorType withShape(TensorShape shape) {
    return new TensorType(element, shape);
  }

  public int rank() {
    return shape.rank();
  }

  @Override
  public String toString() {
    return element.label() + shape;
  }
}
