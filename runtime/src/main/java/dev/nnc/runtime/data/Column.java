package dev.nnc.runtime.data;

import java.util.Arrays;

/**
 * A float value per record, each of the same shape, stored flat: what a {@link ColumnFunction}
 * computes with. Arithmetic is element-wise over whole columns at once. Two columns combine when
 * their shapes are equal or when one of them holds a single value per record; a {@link #constant}
 * stands for the same value in every record.
 */
public final class Column {
  private final float[] values;
  private final int records;
  private final int[] shape;
  private final int elements;
  /** True for a constant: one stored record that stands for every record. */
  private final boolean everyRecord;

  private Column(float[] values, int records, int[] shape, boolean everyRecord) {
    this.values = values;
    this.records = records;
    this.shape = shape;
    this.elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
    this.everyRecord = everyRecord;
  }

  static Column of(float[] values, int records, int[] shape) {
    return new Column(values, records, shape, false);
  }

  /** The same scalar value in every record. */
  public static Column constant(double value) {
    return new Column(new float[] {(float) value}, 1, new int[0], true);
  }

  /** The shape of one record's value ({@code []} for a scalar). */
  public int[] shape() {
    return shape.clone();
  }

  public Column add(double value) {
    return add(constant(value));
  }

  public Column sub(double value) {
    return sub(constant(value));
  }

  public Column mul(double value) {
    return mul(constant(value));
  }

  public Column div(double value) {
    return div(constant(value));
  }

  public Column add(Column other) {
    return combine(other, "add", (a, b) -> a + b);
  }

  public Column sub(Column other) {
    return combine(other, "subtract", (a, b) -> a - b);
  }

  public Column mul(Column other) {
    return combine(other, "multiply", (a, b) -> a * b);
  }

  public Column div(Column other) {
    return combine(other, "divide", (a, b) -> a / b);
  }

  public Column neg() {
    return mul(-1);
  }

  /** This column's values for {@code size} records; a constant is repeated for each. */
  float[] valuesFor(int size) {
    if (everyRecord) {
      float[] repeated = new float[size * elements];
      Arrays.fill(repeated, values[0]);
      return repeated;
    }
    if (records != size) {
      throw new DataException("a computed column holds " + records + " records, the data " + size);
    }
    return values;
  }

  @FunctionalInterface
  private interface FloatOperator {
    float apply(float a, float b);
  }

  private Column combine(Column other, String verb, FloatOperator op) {
    if (!everyRecord && !other.everyRecord && records != other.records) {
      throw new DataException("cannot " + verb + " columns of " + records + " and "
          + other.records + " records");
    }
    int[] resultShape = broadcastShape(other, verb);
    int resultElements = Math.max(elements, other.elements);
    int resultRecords = everyRecord ? other.records : records;
    // Offsets: a constant reuses its one record, a per-record scalar its one element.
    int recordStrideA = everyRecord ? 0 : elements;
    int recordStrideB = other.everyRecord ? 0 : other.elements;
    int elementStrideA = elements == 1 ? 0 : 1;
    int elementStrideB = other.elements == 1 ? 0 : 1;
    float[] out = new float[resultRecords * resultElements];
    for (int r = 0; r < resultRecords; r++) {
      int a = r * recordStrideA;
      int b = r * recordStrideB;
      int o = r * resultElements;
      for (int e = 0; e < resultElements; e++) {
        out[o + e] = op.apply(values[a + e * elementStrideA], other.values[b + e * elementStrideB]);
      }
    }
    return new Column(out, resultRecords, resultShape, everyRecord && other.everyRecord);
  }

  private int[] broadcastShape(Column other, String verb) {
    if (Arrays.equals(shape, other.shape) || other.elements == 1) {
      return shape;
    }
    if (elements == 1) {
      return other.shape;
    }
    throw new DataException("cannot " + verb + " a column of shape " + Arrays.toString(shape)
        + " and one of shape " + Arrays.toString(other.shape)
        + " (shapes must be equal or one of them a scalar per record)");
  }
}
