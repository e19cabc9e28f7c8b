package dev.nnc.runtime.data;

import java.util.List;
import java.util.Map;

/**
 * A batch of records gathered for one step: every field's values as one flat array, record after
 * record, ready to wrap in a tensor without copying element by element.
 */
public final class Batch {
  private final int size;
  private final List<Field> fields;
  private final Map<String, Values> values;

  Batch(int size, List<Field> fields, Map<String, Values> values) {
    this.size = size;
    this.fields = List.copyOf(fields);
    this.values = values;
  }

  /** The number of records; the last batch of an epoch may be smaller than the batch size. */
  public int size() {
    return size;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The values of a FLOAT field. The array belongs to this batch; do not modify it. */
  public float[] floats(String field) {
    if (values.get(field) instanceof Values.Floats floats) {
      return floats.data();
    }
    throw wrongType(field, ElementType.FLOAT);
  }

  /** The values of an INT field. The array belongs to this batch; do not modify it. */
  public int[] ints(String field) {
    if (values.get(field) instanceof Values.Ints ints) {
      return ints.data();
    }
    throw wrongType(field, ElementType.INT);
  }

  private IllegalArgumentException wrongType(String field, ElementType wanted) {
    return new IllegalArgumentException(values.containsKey(field)
        ? "field '" + field + "' is not a " + wanted.label() + " field"
        : "no field '" + field + "' in this batch");
  }
}
