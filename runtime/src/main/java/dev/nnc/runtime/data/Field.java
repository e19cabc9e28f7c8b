package dev.nnc.runtime.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A named field of every record: its element type and its shape without the batch dimension
 * ({@code []} for a scalar such as an integer label).
 */
public record Field(String name, ElementType type, int[] shape) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    shape = shape.clone();
    for (int dim : shape) {
      if (dim <= 0) {
        throw new IllegalArgumentException("field " + name + ": dimensions must be positive, got "
            + Arrays.toString(shape));
      }
    }
  }

  public static Field floats(String name, int... shape) {
    return new Field(name, ElementType.FLOAT, shape);
  }

  public static Field ints(String name, int... shape) {
    return new Field(name, ElementType.INT, shape);
  }

  /** The shape; a copy, so a field stays immutable. */
  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The number of values one record holds in this field (1 for a scalar). */
  public int elements() {
    int n = 1;
    for (int dim : shape) {
      n *= dim;
    }
    return n;
  }

  /** The type and shape alone, as in {@code float[28, 28, 1]} or {@code int} for a scalar. */
  public String typeDescription() {
    return describe(type, shape);
  }

  static String describe(ElementType type, int[] shape) {
    return shape.length == 0 ? type.label() : type.label() + Arrays.toString(shape);
  }

  /** Same type and shape, whatever the name. */
  public boolean sameTypeAs(Field other) {
    return type == other.type && Arrays.equals(shape, other.shape);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Field f
        && name.equals(f.name) && type == f.type && Arrays.equals(shape, f.shape);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, Arrays.hashCode(shape));
  }

  @Override
  public String toString() {
    return name + ": " + typeDescription();
  }
}
