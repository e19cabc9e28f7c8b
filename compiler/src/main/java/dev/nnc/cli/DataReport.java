package dev.nnc.cli;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.text.Vocabulary;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code nnc data} prints about one dataset: its record count, a table of its fields (type,
 * smallest, largest and mean value, what an int field's values stand for), and its first records.
 */
final class DataReport {
  private static final int SHOWN_VALUES = 6;
  private static final int SHOWN_CHARACTERS = 40;
  private static final int SHOWN_WORDS = 10;

  private DataReport() {}

  static String render(String name, Dataset data, long seed, int records) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s: %,d records%n", name, data.size()));
    Map<String, FieldRanges.Range> ranges = FieldRanges.of(data, seed);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("field", "type", "min", "max", "mean", ""));
    for (Field field : data.fields()) {
      FieldRanges.Range r = ranges.get(field.name());
      rows.add(List.of(field.name(), field.typeDescription(), number(r.min()), number(r.max()), number(r.mean()),
          meaning(data.vocabulary(field.name()), field)));
    }
    table(rows, out);
    int shown = Math.min(records, data.size());
    if (shown > 0) {
      out.append(String.format(Locale.ROOT, "first %d record%s:%n", shown, shown == 1 ? "" : "s"));
      Batch batch = data.batches(shown, seed, 0).next();
      for (int r = 0; r < shown; r++) {
        List<String> values = new ArrayList<>();
        for (Field field : data.fields()) {
          values.add(field.name() + ": " + value(batch, field, data.vocabulary(field.name()), r));
        }
        out.append("  ").append(r + 1).append("  ").append(String.join("  ", values)).append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  /** What an int field's values stand for: "10 classes: airplane, ...", "a vocabulary of 65 characters". */
  private static String meaning(List<String> vocabulary, Field field) {
    if (vocabulary.isEmpty()) {
      return "";
    }
    if (field.shape().length > 0) {
      return isWordTable(vocabulary)
          ? String.format(Locale.ROOT, "a vocabulary of %,d words (<pad> <unk> <start> <end> included)", vocabulary.size())
          : "a vocabulary of " + vocabulary.size() + " characters";
    }
    List<String> shown = vocabulary.subList(0, Math.min(SHOWN_WORDS, vocabulary.size()));
    return vocabulary.size() + " classes: " + String.join(", ", shown) + (vocabulary.size() > SHOWN_WORDS ? ", …" : "");
  }

  /** Record {@code r}'s value of {@code field}: a number, a class, a piece of text, or the first values of a tensor. */
  private static String value(Batch batch, Field field, List<String> vocabulary, int r) {
    int elements = field.elements();
    double[] values = new double[elements];
    for (int e = 0; e < elements; e++) {
      values[e] = field.type() == ElementType.FLOAT
          ? batch.floats(field.name())[r * elements + e]
          : batch.ints(field.name())[r * elements + e];
    }
    if (isWordTable(vocabulary) && field.shape().length > 0) {
      return tokens(values, vocabulary);
    }
    if (!vocabulary.isEmpty() && field.shape().length > 0) {
      StringBuilder text = new StringBuilder();
      for (int e = 0; e < Math.min(elements, SHOWN_CHARACTERS); e++) {
        text.append(vocabulary.get((int) values[e]));
      }
      String quoted = "\"" + text.toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
      return elements > SHOWN_CHARACTERS ? quoted + "…" : quoted;
    }
    if (field.shape().length == 0) {
      return number(values[0]) + (vocabulary.isEmpty() ? "" : " (" + vocabulary.get((int) values[0]) + ")");
    }
    List<String> shown = new ArrayList<>();
    for (int e = 0; e < Math.min(elements, SHOWN_VALUES); e++) {
      shown.add(number(values[e]));
    }
    return "[" + String.join(", ", shown) + (elements > SHOWN_VALUES ? ", … " + elements + " values" : "") + "]";
  }

  /** Whether {@code vocabulary} is a word source's table (LANGUAGE.md §6.1), the specials first. */
  private static boolean isWordTable(List<String> vocabulary) {
    return vocabulary.size() >= Vocabulary.SPECIALS.size()
        && vocabulary.subList(0, Vocabulary.SPECIALS.size()).equals(Vocabulary.SPECIALS);
  }

  /**
   * A word source's ids as their tokens, the padding at the end left out: {@code "the jury said ."},
   * {@code "<start>596"}; words apart by a space, characters (a table of single characters) joined.
   */
  private static String tokens(double[] ids, List<String> vocabulary) {
    int length = ids.length;
    while (length > 0 && ids[length - 1] == Vocabulary.PAD) {
      length--;
    }
    boolean chars = vocabulary.stream().skip(Vocabulary.SPECIALS.size()).allMatch(t -> t.codePointCount(0, t.length()) == 1);
    List<String> shown = new ArrayList<>();
    for (int e = 0; e < Math.min(length, SHOWN_WORDS * 2); e++) {
      shown.add(vocabulary.get((int) ids[e]));
    }
    String text = String.join(chars ? "" : " ", shown);
    String quoted = "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\"", "\\\"") + "\"";
    return length > SHOWN_WORDS * 2 ? quoted + "…" : quoted;
  }

  /** Four significant digits, without trailing zeros: 0.2861, 255, 1.5e-05. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "-" : v > 0 ? "inf" : "-inf";
    }
    BigDecimal rounded = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
    double magnitude = Math.abs(v);
    return magnitude == 0 || magnitude >= 1e-4 && magnitude < 1e9 ? rounded.toPlainString() : rounded.toString();
  }

  /** Left-aligned columns, two spaces apart, each row indented. */
  private static void table(List<List<String>> rows, StringBuilder out) {
    int[] widths = new int[rows.get(0).size()];
    for (List<String> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder("  ");
      for (int c = 0; c < row.size(); c++) {
        line.append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length() + 2));
      }
      out.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }
  }
}
