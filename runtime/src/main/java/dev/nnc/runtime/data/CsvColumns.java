package dev.nnc.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which columns of a CSV file one field reads: by 0-based index or by header name. A single
 * {@link #column} makes a scalar field; {@link #columns} and {@link #range} a vector, one element per
 * column in the order given.
 */
public final class CsvColumns {
  private final int[] indices;
  private final List<String> names;
  private final boolean scalar;

  private CsvColumns(int[] indices, List<String> names, boolean scalar) {
    this.indices = indices;
    this.names = List.copyOf(names);
    this.scalar = scalar;
  }

  public static CsvColumns column(int index) {
    return new CsvColumns(new int[] {requireIndex(index)}, List.of(), true);
  }

  public static CsvColumns column(String name) {
    return new CsvColumns(null, List.of(name), true);
  }

  public static CsvColumns columns(int... indices) {
    IntStream.of(indices).forEach(CsvColumns::requireIndex);
    return new CsvColumns(indices.clone(), List.of(), false);
  }

  public static CsvColumns columns(String... names) {
    return new CsvColumns(null, List.of(names), false);
  }

  /** Columns {@code from} up to, not including, {@code to}: the language's {@code from..to}. */
  public static CsvColumns range(int from, int to) {
    return columns(IntStream.range(from, to).toArray());
  }

  /** The shape of one record's value: {@code []} for one column, {@code [n]} for n columns. */
  int[] shape() {
    return scalar ? new int[0] : new int[] {count()};
  }

  int count() {
    return indices != null ? indices.length : names.size();
  }

  /** The 0-based indices, names looked up in {@code header} (null when the file has none). */
  int[] indices(Path file, List<String> header, String field) {
    if (indices != null) {
      return indices.clone();
    }
    if (header == null) {
      throw new IllegalArgumentException("field " + field + " names its columns, so the CSV needs a header");
    }
    int[] found = new int[names.size()];
    for (int i = 0; i < found.length; i++) {
      found[i] = header.indexOf(names.get(i));
      if (found[i] < 0) {
        throw new DataException(file + ":1: field " + field + " reads the column \"" + names.get(i)
            + "\", but the header has no such column; it has " + header);
      }
    }
    return found;
  }

  private static int requireIndex(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("column indices start at 0, got " + index);
    }
    return index;
  }
}
