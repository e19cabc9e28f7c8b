package dev.nnc.runtime.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * A computation that makes or replaces a field of every record. A step that draws random numbers
 * runs on every batch, so each epoch sees new draws; the others run once over the stored records,
 * unless they follow a random step (see {@link Dataset}).
 */
interface FieldStep {
  /** True when the step draws random numbers, so it must run afresh every epoch. */
  boolean random();

  /**
   * {@code records} with this step's field computed. {@code randoms} gives record {@code i} its own
   * random stream; a step that is not random never calls it.
   */
  Table apply(Table records, IntFunction<SplittableRandom> randoms);

  /** {@code map(field: ...)}: a FLOAT field computed from whole columns. */
  record Map(String field, ColumnFunction fn) implements FieldStep {
    @Override
    public boolean random() {
      return false;
    }

    @Override
    public Table apply(Table records, IntFunction<SplittableRandom> randoms) {
      Column column = fn.apply(new Columns(records));
      return records.with(Field.floats(field, column.shape()),
          new Values.Floats(column.valuesFor(records.size())));
    }
  }

  /** {@code one_hot(field, depth)}: an INT field replaced by FLOAT one-hot vectors of {@code depth}. */
  record OneHot(String field, int depth) implements FieldStep {
    @Override
    public boolean random() {
      return false;
    }

    @Override
    public Table apply(Table records, IntFunction<SplittableRandom> randoms) {
      Field source = records.field(field);
      if (!(records.values(field) instanceof Values.Ints ints)) {
        throw new DataException("one_hot(" + field + ", " + depth + "): field " + source
            + " is not an int field; one_hot takes whole-number class indices");
      }
      int[] shape = Arrays.copyOf(source.shape(), source.shape().length + 1);
      shape[shape.length - 1] = depth;
      float[] out = new float[ints.data().length * depth];
      for (int i = 0; i < ints.data().length; i++) {
        int value = ints.data()[i];
        if (value < 0 || value >= depth) {
          throw new DataException("one_hot(" + field + ", " + depth + "): found the value "
              + value + ", outside 0.." + (depth - 1) + "; give one_hot the number of classes");
        }
        out[i * depth + value] = 1;
      }
      return records.with(new Field(field, ElementType.FLOAT, shape), new Values.Floats(out));
    }
  }

  /** {@code standardize(field)}: a FLOAT field standardised with statistics computed beforehand. */
  record Standardize(String field, Standardization statistics) implements FieldStep {
    @Override
    public boolean random() {
      return false;
    }

    @Override
    public Table apply(Table records, IntFunction<SplittableRandom> randoms) {
      Field source = records.field(field);
      return records.with(source, statistics.apply(source, records.values(field)));
    }
  }
}
