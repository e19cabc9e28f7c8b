package dev.nnc.runtime.data;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Loads the numeric columns of a CSV file (raw or gzip) into typed fields. Each record must hold
 * every column a field reads, as a decimal number ({@code 5}, {@code -0.25}, {@code 1e-3}); an INT
 * field takes whole numbers. Anything else is a {@link DataException} naming the file, the line,
 * the column, and what was found there.
 */
public final class Csv {
  /** Enough of a file to hold its header line, however wide. */
  private static final int HEADER_BYTES = 1 << 20;

  private Csv() {}

  /** The records of {@code file}; with {@code header}, its first record names the columns and is skipped. */
  public static Dataset load(Path file, boolean header, CsvField... fields) {
    // Parsed as it is read: what stays in memory is the fields' values, never the file's text.
    return DataFiles.text(file, in -> load(file, new CsvReader(file, in), header, fields));
  }

  private static Dataset load(Path file, CsvReader reader, boolean header, CsvField... fields) {
    List<String> names = header ? reader.next() : null;
    if (header && names == null) {
      throw new DataException(file + ": expected a header line, found an empty file");
    }
    FieldReader[] readers = new FieldReader[fields.length];
    for (int f = 0; f < fields.length; f++) {
      readers[f] = new FieldReader(file, fields[f], fields[f].columns().indices(file, names, fields[f].name()));
    }
    int records = 0;
    for (List<String> cells = reader.next(); cells != null; cells = reader.next(), records++) {
      for (FieldReader r : readers) {
        r.read(cells, reader.line());
      }
    }
    if (records == 0) {
      throw new DataException(file + ": expected records, found " + (header ? "only a header" : "an empty file"));
    }
    Table table = Table.empty(records);
    for (FieldReader r : readers) {
      table = table.with(r.field.field(), r.values());
    }
    return new Dataset(table);
  }

  /**
   * The cells of the file's first record, read from its first megabyte alone: the compiler checks
   * a program's columns against them without loading the data.
   */
  public static List<String> firstRecord(Path file) {
    String start = new String(DataFiles.read(file, HEADER_BYTES), StandardCharsets.UTF_8);
    List<String> cells = new CsvReader(file, new StringReader(start)).next();
    return cells == null ? List.of() : cells;
  }

  /** Gathers one field's values, record by record, into a growing array. */
  private static final class FieldReader {
    private final Path file;
    private final CsvField field;
    private final int[] columns;
    private final int needed;
    private float[] floats = new float[0];
    private int[] ints = new int[0];
    private int size;

    FieldReader(Path file, CsvField field, int[] columns) {
      this.file = file;
      this.field = field;
      this.columns = columns;
      this.needed = Arrays.stream(columns).max().orElse(-1) + 1;
    }

    void read(List<String> cells, int line) {
      if (cells.size() < needed) {
        throw new DataException(file + ":" + line + ": expected at least " + needed + " columns (field "
            + field.name() + " reads column " + (needed - 1) + "), found " + cells.size());
      }
      for (int column : columns) {
        double value = number(cells.get(column), line, column);
        if (field.type() == ElementType.FLOAT) {
          floats = grow(floats);
          floats[size++] = (float) value;
        } else {
          ints = grow(ints);
          ints[size++] = wholeNumber(value, cells.get(column), line, column);
        }
      }
    }

    Values values() {
      return field.type() == ElementType.FLOAT
          ? new Values.Floats(Arrays.copyOf(floats, size))
          : new Values.Ints(Arrays.copyOf(ints, size));
    }

    private double number(String cell, int line, int column) {
      String trimmed = cell.strip(); // a quoted cell keeps its spaces, a number need not
      if (!isDecimal(trimmed)) {
        throw new DataException(file + ":" + line + ": column " + column + " (field " + field.name()
            + "): expected a number, found " + (cell.isEmpty() ? "an empty cell" : "\"" + cell + "\""));
      }
      double value = Double.parseDouble(trimmed);
      if (Float.isInfinite((float) value)) {
        // An infinite input makes the loss NaN steps later, far from the cell that caused it.
        throw new DataException(file + ":" + line + ": column " + column + " (field " + field.name()
            + "): " + trimmed + " is too large for a float (at most about 3.4e38)");
      }
      return value;
    }

    private int wholeNumber(double value, String cell, int line, int column) {
      if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
        throw new DataException(file + ":" + line + ": column " + column + " (field " + field.name()
            + ", an int field): expected a whole number, found \"" + cell + "\"");
      }
      return (int) value;
    }

    private float[] grow(float[] array) {
      return size < array.length ? array : Arrays.copyOf(array, Math.max(16, array.length * 2));
    }

    private int[] grow(int[] array) {
      return size < array.length ? array : Arrays.copyOf(array, Math.max(16, array.length * 2));
    }
  }

  /** {@code [+-] digits [. digits] [e [+-] digits]}: what Java's parser takes, without its extras (NaN, hex, 1f). */
  static boolean isDecimal(String s) {
    int i = 0;
    int n = s.length();
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponent = i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == exponent) {
        return false;
      }
    }
    return i == n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
