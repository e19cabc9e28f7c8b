package dev.nnc.runtime.data;

/** The fields of a dataset as {@link Column}s, the argument of a {@link ColumnFunction}. */
public final class Columns {
  private final Table table;

  Columns(Table table) {
    this.table = table;
  }

  /** The field's values for every record, as floats (an INT field is converted). */
  public Column get(String field) {
    Field f = table.field(field);
    return Column.of(table.values(field).floats(), table.size(), f.shape());
  }
}
