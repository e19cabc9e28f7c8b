package dev.nnc.runtime.data;

import java.util.List;
import java.util.Map;
import java.util.Queue;

/**
 * A batch of records gathered for one step: every field's values as one flat array, record after
 * record, ready to wrap in a tensor without copying element by element. Once a step is done with
 * it, {@link #release} lets a later batch of the same pass reuse its arrays.
 */
public final class Batch {
  private final Table records;
  /** The records as gathered, before any per-batch step: the arrays a later batch may reuse. */
  private final Table gathered;
  private final Queue<Table> free;

  Batch(Table records, Table gathered, Queue<Table> free) {
    this.records = records;
    this.gathered = gathered;
    this.free = free;
  }

  /**
   * A batch of {@code size} records made of flat arrays, one per field, record after record: a
   * {@code float[]} for a FLOAT field, an {@code int[]} for an INT field (an environment's
   * experience, which no data set gathers). The arrays become the batch's; releasing it keeps them.
   */
  public static Batch of(int size, Map<Field, Object> columns) {
    Table table = Table.empty(size);
    for (Map.Entry<Field, Object> column : columns.entrySet()) {
      Object array = column.getValue();
      ElementType type = column.getKey().type();
      Values values;
      if (array instanceof float[] floats && type == ElementType.FLOAT) {
        values = new Values.Floats(floats);
      } else if (array instanceof int[] ints && type == ElementType.INT) {
        values = new Values.Ints(ints);
      } else {
        throw new IllegalArgumentException("field " + column.getKey() + " cannot hold " + array.getClass().getSimpleName());
      }
      table = table.with(column.getKey(), values);
    }
    return new Batch(table, table, new java.util.ArrayDeque<>());
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

  /**
   * Hands this batch's arrays back, to be refilled by a later batch of the pass that gathered it;
   * nothing may read this batch afterwards. A batch never released is simply left to the garbage
   * collector.
   */
  public void release() {
    free.add(gathered);
  }

  private IllegalArgumentException wrongType(String field, ElementType wanted) {
    return new IllegalArgumentException("field '" + field + "' is not a " + wanted.label() + " field");
  }
}
