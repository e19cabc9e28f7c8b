package dev.nnc.runtime.data;

import java.util.Objects;

/** A field read from a CSV file: its name, its element type and the columns it reads. */
public record CsvField(String name, ElementType type, CsvColumns columns) {
  public CsvField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(columns, "columns");
  }

  public static CsvField floats(String name, CsvColumns columns) {
    return new CsvField(name, ElementType.FLOAT, columns);
  }

  public static CsvField ints(String name, CsvColumns columns) {
    return new CsvField(name, ElementType.INT, columns);
  }

  Field field() {
    return new Field(name, type, columns.shape());
  }
}
