package dev.nnc.runtime.data;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Datasets written inline, record by record. */
public final class Records {
  private Records() {}

  /**
   * A dataset of {@code rows}; each row holds the values of every field, fields in order and each
   * field's values flat (row-major). INT fields take whole numbers.
   */
  public static Dataset of(List<Field> fields, double[][] rows) {
    requireUniqueNames(fields);
    int rowLength = fields.stream().mapToInt(Field::elements).sum();
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != rowLength) {
        throw new DataException("record " + (r + 1) + " has " + rows[r].length
            + " values, expected " + rowLength + " for " + fields);
      }
    }
    Table table = Table.empty(rows.length);
    int offset = 0;
    for (Field field : fields) {
      table = table.with(field, column(field, rows, offset));
      offset += field.elements();
    }
    return new Dataset(table);
  }

  private static Values column(Field field, double[][] rows, int offset) {
    int elements = field.elements();
    return switch (field.type()) {
      case FLOAT -> {
        float[] data = new float[rows.length * elements];
        for (int r = 0; r < rows.length; r++) {
          for (int e = 0; e < elements; e++) {
            data[r * elements + e] = (float) rows[r][offset + e];
          }
        }
        yield new Values.Floats(data);
      }
      case INT -> {
        int[] data = new int[rows.length * elements];
        for (int r = 0; r < rows.length; r++) {
          for (int e = 0; e < elements; e++) {
            data[r * elements + e] = wholeNumber(rows[r][offset + e], field, r);
          }
        }
        yield new Values.Ints(data);
      }
      case BOOL -> throw new IllegalArgumentException("a data field is float or int, not bool: " + field.name());
    };
  }

  private static int wholeNumber(double value, Field field, int row) {
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new DataException("record " + (row + 1) + ", field " + field.name() + ": " + value
          + " is not an int");
    }
    return (int) value;
  }

  private static void requireUniqueNames(List<Field> fields) {
    Set<String> names = new HashSet<>();
    for (Field field : fields) {
      if (!names.add(field.name())) {
        throw new DataException("two fields are called '" + field.name() + "' in " + fields);
      }
    }
  }
}
