package dev.nnc.runtime.data;

import java.util.List;

/**
 * A batch of records gathered for one step: every field's values as one flat array, record after
 * record, ready to wrap in a tensor without copying element by element.
 */
public final class Batch {
  private final Table records;

  Batch(Table records) {
    this.records = records;
  }

  /** The number of records; the last batch of an epoch may be smaller than the batch size. */
  public int size() {
    return records.size();
  }

  public List<Field> fields() {
    return records.fields();
  }

  /** The values of a FLOAT field. The array belongs to this batch; do not modify it. */
  public float[] floats(String field) {
    if (records.values(field) instanceof Values.Floats floats) {
      return floats.data();
    }
    throw wrongType(field, ElementType.FLOAT);
  }

  /** The values of an INT field. The array belongs to this batch; do not modify it. */
  public int[] ints(String field) {
    if (records.values(field) instanceof Values.Ints ints) {
      return ints.data();
    }
    throw wrongType(field, ElementType.INT);
  }

  private IllegalArgumentException wrongType(String field, ElementType wanted) {
    return new IllegalArgumentException("field '" + field + "' is not a " + wanted.label() + " field");
  }
}
